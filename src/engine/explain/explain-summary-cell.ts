import { statusChecks, type StatusCheck } from "../check/status-checks";
import { exhaustive } from "../model/exhaustive";
import { summaryOf, type Results } from "../model/results";
import type { Status, VolumeModel } from "../model/types";
import { formatNumber } from "../output/format-csv";
import { resolve, type ExplainError, type Explanation } from "./explain";

/** provider-summary columns that are not derived sums: an input, an hour, a verdict. */
export type SummaryCellColumn = "capacity_per_hour" | "capacity_per_second" | "peak_hour" | "status";

/** A status explained as its comparisons; `terms` is empty (a verdict is not a sum). */
export interface StatusExplanation extends Explanation {
  readonly status: Status;
  readonly checks: readonly StatusCheck[];
}

const LEVEL_RULE = "the PerformanceLevels row for this phase, else the provider's row with a blank Phase";

/**
 * Explains the provider-summary cells that are not sums of terms: a capacity links to its
 * PerformanceLevels cell, the peak hour names its load, a status lists both checks.
 * @example explainSummaryCell(model, results, { phase: "MOC", provider: "S1SP", column: "status" })
 */
export function explainSummaryCell(
  model: VolumeModel,
  results: Results,
  q: { readonly phase: string; readonly provider: string; readonly column: SummaryCellColumn },
): Explanation | StatusExplanation | ExplainError {
  const at = resolve(model, q.phase, q.provider);
  if ("error" in at) return at;
  const s = summaryOf(results, at.ph, at.p);
  const n = formatNumber;
  const head = { phase: model.phases[at.ph]?.name ?? "", provider: model.providers[at.p]?.name ?? "", figure: `provider-summary.csv ${q.column}` };
  const level = s.level === null ? undefined : model.levels[s.level];
  const noLevel = { error: `no performance level applies to ${head.provider} in ${head.phase}` };
  switch (q.column) {
    case "capacity_per_hour": {
      if (!level) return noLevel;
      const v = level.capacityPerHour;
      const input = { name: "CapacityPerHour", value: v.value, table: "PerformanceLevels", cell: v.cell };
      return { ...head, value: v.value, unit: "transactions/hour", formula: `CapacityPerHour of ${LEVEL_RULE}`, terms: [{ label: "CapacityPerHour", value: v.value, inputs: [input] }] };
    }
    case "capacity_per_second": {
      if (!level) return noLevel;
      const v = level.peakPerSecond;
      if (!v) return { error: `the level for ${head.provider} in ${head.phase} has no PeakPerSecond, so there is no per-second check` };
      const input = { name: "PeakPerSecond", value: v.value, table: "PerformanceLevels", cell: v.cell };
      return { ...head, value: v.value, unit: "transactions/second", formula: `PeakPerSecond of ${LEVEL_RULE}`, terms: [{ label: "PeakPerSecond", value: v.value, inputs: [input] }] };
    }
    case "peak_hour": {
      const arithmetic = `hour ${s.peakHour} carries ${n(s.peakPerHour)} per hour, the largest of the 24 (the earliest on a tie)`;
      const peak = { name: `provider_hourly at hour ${s.peakHour}`, value: s.peakPerHour, table: "provider-hourly", cell: "" };
      return { ...head, value: s.peakHour, unit: "hour of day", formula: "the hour with the largest provider_hourly", terms: [{ label: `hour ${s.peakHour}`, value: s.peakHour, arithmetic, inputs: [peak] }] };
    }
    case "status": {
      const checks = statusChecks(model, s);
      if (checks.length === 0) return { ...head, value: 0, unit: "", formula: "NO_LEVEL: no PerformanceLevels row applies to this phase and provider", terms: [], status: s.status, checks };
      const worst = checks.reduce((a, b) => (b.ratio > a.ratio ? b : a));
      return {
        ...head,
        value: worst.ratio,
        unit: "fraction",
        formula: "PASS when required_per_hour ≤ CapacityPerHour and (where PeakPerSecond is given) required_per_second ≤ PeakPerSecond",
        terms: [],
        status: s.status,
        checks,
      };
    }
    default:
      return exhaustive(q.column);
  }
}
