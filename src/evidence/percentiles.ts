import type { Percentile } from "./harness-results";

/** The fractions every sample-based format reports (Locust's set, plus 0.999). */
export const STANDARD_FRACTIONS = [0.5, 0.66, 0.75, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999, 1];

/**
 * Nearest-rank percentiles of response times (seconds): the smallest value that at least
 * `fraction` of the samples do not exceed.
 * @example percentilesOf(Float64Array.of(1, 2, 3, 4), [0.5]) // [{ fraction: 0.5, seconds: 2 }]
 */
export function percentilesOf(samples: Float64Array, fractions: readonly number[] = STANDARD_FRACTIONS): Percentile[] {
  if (samples.length === 0) return [];
  const sorted = Float64Array.from(samples).sort();
  return fractions.map((fraction) => {
    const rank = Math.max(1, Math.ceil(fraction * sorted.length - 1e-9));
    return { fraction, seconds: sorted[rank - 1] as number };
  });
}

/**
 * The reported percentile that answers "did `fraction` of requests take at most T?": the
 * exact fraction, else the next one above it (a stricter test); null when none is reported.
 */
export function percentileAtLeast(percentiles: readonly Percentile[], fraction: number): Percentile | null {
  let best: Percentile | null = null;
  for (const p of percentiles) if (p.fraction >= fraction - 1e-12 && (best === null || p.fraction < best.fraction)) best = p;
  return best;
}
