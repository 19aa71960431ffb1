import type { Issue } from "../model/issue";
import type { Results } from "../model/results";
import { HOURS, type VolumeModel } from "../model/types";

export type OutputCell = string | number | null;

export const OUTPUT_FILES = [
  "provider-summary.csv",
  "provider-hourly.csv",
  "rates-by-dmc.csv",
  "rates-by-transaction.csv",
  "issues.csv",
] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

export interface OutputTable {
  readonly file: OutputFile;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly OutputCell[])[];
}

export const ISSUE_COLUMNS = ["severity", "code", "table", "cell", "message"] as const;

/** issues.csv: errors first, then warnings, each in the order found. */
export function buildIssueTable(issues: readonly Issue[]): OutputTable {
  return {
    file: "issues.csv",
    columns: ISSUE_COLUMNS,
    rows: issues.map((i) => [i.severity, i.code, i.table, i.cell, i.message]),
  };
}

/**
 * The five outputs of spec section 4, rows in key order: phase order, provider order,
 * DMCs / transaction series in table order, then hour. All-zero DMC and transaction series
 * are omitted; provider-hourly keeps every phase × provider × hour.
 */
export function buildOutputTables(model: VolumeModel, results: Results, issues: readonly Issue[]): OutputTable[] {
  return [
    buildSummaryTable(model, results),
    buildProviderHourlyTable(model, results),
    buildDmcTable(model, results),
    buildTransactionTable(model, results),
    buildIssueTable(issues),
  ];
}

export function buildSummaryTable(model: VolumeModel, results: Results): OutputTable {
  return {
    file: "provider-summary.csv",
    columns: [
      "phase", "provider", "daily_total", "peak_hour", "peak_per_hour", "peak_per_second", "required_per_hour",
      "required_per_second", "capacity_per_hour", "capacity_per_second", "utilisation", "status",
    ],
    rows: results.summaries.map((s) => [
      model.phases[s.phase]?.name ?? "",
      model.providers[s.provider]?.name ?? "",
      s.dailyTotal,
      s.peakHour,
      s.peakPerHour,
      s.peakPerSecond,
      s.requiredPerHour,
      s.requiredPerSecond,
      s.capacityPerHour,
      s.capacityPerSecond,
      s.utilisation,
      s.status,
    ]),
  };
}

export function buildProviderHourlyTable(model: VolumeModel, results: Results): OutputTable {
  const rows: OutputCell[][] = [];
  model.phases.forEach((phase, ph) => {
    model.providers.forEach((provider, p) => {
      const base = (ph * results.providerCount + p) * HOURS;
      for (let h = 0; h < HOURS; h++) {
        const perHour = results.providerHourly[base + h] as number;
        rows.push([phase.name, provider.name, h, perHour, perHour / 3600]);
      }
    });
  });
  return { file: "provider-hourly.csv", columns: ["phase", "provider", "hour", "per_hour", "per_second"], rows };
}

/** Rows for every non-zero 24-hour series of a [phase][provider][item][hour] array. */
function seriesRows(
  model: VolumeModel,
  values: Float64Array,
  itemCount: number,
  label: (item: number) => readonly OutputCell[],
): OutputCell[][] {
  const rows: OutputCell[][] = [];
  const R = model.providers.length;
  model.phases.forEach((phase, ph) => {
    model.providers.forEach((provider, p) => {
      for (let item = 0; item < itemCount; item++) {
        const base = ((ph * R + p) * itemCount + item) * HOURS;
        let any = false;
        for (let h = 0; h < HOURS && !any; h++) any = (values[base + h] as number) !== 0;
        if (!any) continue;
        const labels = label(item);
        for (let h = 0; h < HOURS; h++) rows.push([phase.name, provider.name, ...labels, h, values[base + h] as number]);
      }
    });
  });
  return rows;
}

export function buildDmcTable(model: VolumeModel, results: Results): OutputTable {
  return {
    file: "rates-by-dmc.csv",
    columns: ["phase", "provider", "dmc", "hour", "per_hour"],
    rows: seriesRows(model, results.byDmc, results.dmcCount, (d) => [model.dmcs[d]?.name ?? ""]),
  };
}

export function buildTransactionTable(model: VolumeModel, results: Results): OutputTable {
  return {
    file: "rates-by-transaction.csv",
    columns: ["phase", "provider", "transaction", "stream", "hour", "per_hour"],
    rows: seriesRows(model, results.bySeries, results.series.length, (s) => {
      const series = results.series[s];
      return [series?.name ?? "", series?.stream ?? ""];
    }),
  };
}
