import type { Issue } from "../model/issue";
import { forEachNonZeroSeries, hourlyOf, type Results } from "../model/results";
import type { VolumeModel } from "../model/types";

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
export const DMC_COLUMNS = ["phase", "provider", "dmc", "hour", "per_hour"] as const;
export const TRANSACTION_COLUMNS = ["phase", "provider", "transaction", "stream", "hour", "per_hour"] as const;

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
      hourlyOf(results, ph, p).forEach((perHour, h) => rows.push([phase.name, provider.name, h, perHour, perHour / 3600]));
    });
  });
  return { file: "provider-hourly.csv", columns: ["phase", "provider", "hour", "per_hour", "per_second"], rows };
}

/** A non-zero 24-hour series of a rates file with its key labels. */
export interface LabelledSeries {
  readonly phase: string;
  readonly provider: string;
  readonly labels: readonly string[];
  readonly hours: Float64Array;
}

/**
 * Visits the non-zero series behind rates-by-dmc.csv or rates-by-transaction.csv in key
 * order (phases, providers, DMCs / transaction series in table order), with their labels.
 */
export function forEachRatesSeries(
  model: VolumeModel,
  results: Results,
  file: "rates-by-dmc.csv" | "rates-by-transaction.csv",
  visit: (series: LabelledSeries) => void,
): void {
  const dmcs = file === "rates-by-dmc.csv";
  forEachNonZeroSeries(results, dmcs ? "dmc" : "transaction", ({ phase, provider, item, hours }) => {
    const series = results.series[item];
    visit({
      phase: model.phases[phase]?.name ?? "",
      provider: model.providers[provider]?.name ?? "",
      labels: dmcs ? [model.dmcs[item]?.name ?? ""] : [series?.name ?? "", series?.stream ?? ""],
      hours,
    });
  });
}

function seriesRows(model: VolumeModel, results: Results, file: "rates-by-dmc.csv" | "rates-by-transaction.csv"): OutputCell[][] {
  const rows: OutputCell[][] = [];
  forEachRatesSeries(model, results, file, ({ phase, provider, labels, hours }) => {
    hours.forEach((perHour, h) => rows.push([phase, provider, ...labels, h, perHour]));
  });
  return rows;
}

export function buildDmcTable(model: VolumeModel, results: Results): OutputTable {
  return {
    file: "rates-by-dmc.csv",
    columns: DMC_COLUMNS,
    rows: seriesRows(model, results, "rates-by-dmc.csv"),
  };
}

export function buildTransactionTable(model: VolumeModel, results: Results): OutputTable {
  return {
    file: "rates-by-transaction.csv",
    columns: TRANSACTION_COLUMNS,
    rows: seriesRows(model, results, "rates-by-transaction.csv"),
  };
}
