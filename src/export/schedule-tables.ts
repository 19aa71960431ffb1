/** Per-step numbers every harness emitter needs, derived once from a schedule. */
import type { Schedule } from "../engine";

/** Request path of a series relative to the target (the URL minus the target). */
export function pathOf(s: Schedule, url: string): string {
  return url.startsWith(s.options.target) ? url.slice(s.options.target.length) : url;
}

/** Total rate per second at the start and end of each step. */
export function stepTotals(s: Schedule): { start: number; end: number; count: number }[] {
  return s.steps.map((_, k) => {
    let start = 0;
    let end = 0;
    let count = 0;
    for (const series of s.series) {
      start += series.rates[k]?.ratePerSecond ?? 0;
      end += series.rates[k]?.endRatePerSecond ?? 0;
      count += series.rates[k]?.expectedCount ?? 0;
    }
    return { start, end, count };
  });
}

/** Concurrency needed for `ratePerSecond` at the assumed response time, with 50% room; at least `floor`. */
export function concurrencyFor(ratePerSecond: number, responseTimeSeconds: number, floor = 1): number {
  return Math.max(floor, Math.ceil(ratePerSecond * responseTimeSeconds * 1.5));
}
