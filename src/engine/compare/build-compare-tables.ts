import type { OutputCell } from "../output/output-definition";
import { INPUT_GROUPS, MEASURES, type CompareRow, type Comparison, type Measure } from "./compare-types";

export interface CompareTable {
  readonly file: "compare.csv" | "attribution.csv";
  readonly columns: readonly string[];
  readonly rows: readonly (readonly OutputCell[])[];
}

/** The CSV spelling of each measure (the column names of provider-summary.csv). */
export const MEASURE_NAMES: { readonly [M in Measure]: string } = { dailyTotal: "daily_total", peakPerHour: "peak_per_hour" };

/**
 * compare.csv (one row per phase, provider and measure, with each group's part) and
 * attribution.csv (the top contributors below each group), for `compare --out`.
 */
export function buildCompareTables(c: Comparison): CompareTable[] {
  const rows = [...c.rows].sort((x, y) => x.order - y.order);
  const compare: OutputCell[][] = [];
  const attribution: OutputCell[][] = [];
  for (const r of rows) {
    for (const m of MEASURES) {
      const f = r[m];
      compare.push([
        r.phase,
        r.baselinePhase,
        r.provider,
        MEASURE_NAMES[m],
        f.baseline,
        f.model,
        f.change,
        f.relativeChange,
        c.tolerance,
        f.withinTolerance ? "yes" : "no",
        ...f.parts.map((p) => p.value),
      ]);
      for (const p of f.parts) {
        for (const k of p.contributors) attribution.push([r.phase, r.baselinePhase, r.provider, MEASURE_NAMES[m], p.group, k.kind, k.name, k.value]);
      }
    }
  }
  return [
    {
      file: "compare.csv",
      columns: ["phase", "baseline_phase", "provider", "measure", "baseline", "model", "change", "relative_change", "tolerance", "within_tolerance", ...INPUT_GROUPS],
      rows: compare,
    },
    { file: "attribution.csv", columns: ["phase", "baseline_phase", "provider", "measure", "group", "kind", "contributor", "value"], rows: attribution },
  ];
}
