/** What rates-by-dmc.csv and rates-by-transaction.csv share: non-zero 24-hour series with key labels. */
import { forEachNonZeroSeries } from "../model/results";
import { csvField, formatNumber } from "./format-csv";
import type { OutputCell, OutputInput } from "./output-definition";

/** A non-zero 24-hour series of a rates file with its key labels. */
export interface LabelledSeries {
  readonly phase: string;
  readonly provider: string;
  readonly labels: readonly string[];
  readonly hours: Float64Array;
}

/**
 * Visits the non-zero DMC or transaction series in key order (phases, providers, DMCs /
 * transaction series in table order), with their labels.
 */
function forEachRatesSeries({ model, results }: OutputInput, kind: "dmc" | "transaction", visit: (series: LabelledSeries) => void): void {
  forEachNonZeroSeries(results, kind, ({ phase, provider, item, hours }) => {
    const series = results.series[item];
    visit({
      phase: model.phases[phase]?.name ?? "",
      provider: model.providers[provider]?.name ?? "",
      labels: kind === "dmc" ? [model.dmcs[item]?.name ?? ""] : [series?.name ?? "", series?.stream ?? ""],
      hours,
    });
  });
}

/** The rows: key labels, hour, per_hour. */
export function seriesRows(input: OutputInput, kind: "dmc" | "transaction"): OutputCell[][] {
  const rows: OutputCell[][] = [];
  forEachRatesSeries(input, kind, ({ phase, provider, labels, hours }) => {
    hours.forEach((perHour, h) => rows.push([phase, provider, ...labels, h, perHour]));
  });
  return rows;
}

/**
 * The CSV text straight from the Float64Arrays: each series' key prefix is quoted once,
 * then its 24 lines appended. Byte-identical to formatCsv of the rows, without building
 * hundreds of thousands of row arrays.
 */
export function seriesCsv(input: OutputInput, kind: "dmc" | "transaction", columns: readonly string[]): string {
  const lines: string[] = [columns.map(csvField).join(",")];
  forEachRatesSeries(input, kind, ({ phase, provider, labels, hours }) => {
    const prefix = `${csvField(phase)},${csvField(provider)},${labels.map(csvField).join(",")},`;
    for (let h = 0; h < hours.length; h++) lines.push(`${prefix}${h},${formatNumber(hours[h] as number)}`);
  });
  return lines.join("\n") + "\n";
}
