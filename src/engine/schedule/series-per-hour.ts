import type { Results } from "../model/results";
import { HOURS } from "../model/types";

/**
 * Transactions per hour of one rates-by-transaction series for a phase and provider
 * (24 values, a view into `results.bySeries`).
 */
export function seriesPerHour(results: Results, phase: number, provider: number, series: number): Float64Array {
  const S = results.series.length;
  const start = ((phase * results.providerCount + provider) * S + series) * HOURS;
  return results.bySeries.subarray(start, start + HOURS);
}
