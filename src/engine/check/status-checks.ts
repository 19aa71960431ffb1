import type { ProviderSummary } from "../model/results";
import type { VolumeModel } from "../model/types";

/** One of the two comparisons behind a status (spec section 3): per hour and per second. */
export interface StatusCheck {
  readonly basis: "per_hour" | "per_second";
  /** required_per_hour or required_per_second. */
  readonly required: number;
  /** CapacityPerHour or PeakPerSecond of the level that applies. */
  readonly limit: number;
  /** The cell the limit came from (a PerformanceLevels cell). */
  readonly limitCell: string;
  /** required / limit: 1 is exactly at the limit. */
  readonly ratio: number;
  /** required ≤ limit. */
  readonly passes: boolean;
}

/**
 * Both comparisons that decide a status, in the spec's order (per hour, then per second);
 * the per-second one only where the level has a PeakPerSecond. Empty where no level applies.
 * @example statusChecks(model, summary).filter((c) => !c.passes) // the checks that fail
 */
export function statusChecks(model: VolumeModel, s: ProviderSummary): StatusCheck[] {
  const level = s.level === null ? undefined : model.levels[s.level];
  if (!level || s.capacityPerHour === null) return [];
  const checks = [check("per_hour", s.requiredPerHour, s.capacityPerHour, level.capacityPerHour.cell)];
  if (s.capacityPerSecond !== null && level.peakPerSecond) checks.push(check("per_second", s.requiredPerSecond, s.capacityPerSecond, level.peakPerSecond.cell));
  return checks;
}

function check(basis: StatusCheck["basis"], required: number, limit: number, limitCell: string): StatusCheck {
  return { basis, required, limit, limitCell, ratio: required / limit, passes: required <= limit };
}
