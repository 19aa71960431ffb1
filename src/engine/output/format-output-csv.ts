import type { Issue } from "../model/issue";
import type { Results } from "../model/results";
import type { VolumeModel } from "../model/types";
import {
  buildIssueTable,
  buildProviderHourlyTable,
  buildSummaryTable,
  DMC_COLUMNS,
  forEachRatesSeries,
  TRANSACTION_COLUMNS,
  type OutputFile,
} from "./build-output-tables";
import { csvField, formatCsv, formatNumber } from "./format-csv";

export interface CsvFile {
  readonly file: OutputFile;
  readonly text: string;
}

/**
 * The series files straight from the Float64Arrays: each series' key prefix is quoted
 * once, then its 24 lines appended. Byte-identical to formatCsv(buildDmcTable(...)) etc.,
 * without building hundreds of thousands of row arrays.
 */
function formatSeriesCsv(model: VolumeModel, results: Results, file: "rates-by-dmc.csv" | "rates-by-transaction.csv"): string {
  const columns = file === "rates-by-dmc.csv" ? DMC_COLUMNS : TRANSACTION_COLUMNS;
  const lines: string[] = [columns.map(csvField).join(",")];
  forEachRatesSeries(model, results, file, ({ phase, provider, labels, hours }) => {
    const prefix = `${csvField(phase)},${csvField(provider)},${labels.map(csvField).join(",")},`;
    for (let h = 0; h < hours.length; h++) lines.push(`${prefix}${h},${formatNumber(hours[h] as number)}`);
  });
  return lines.join("\n") + "\n";
}

/**
 * The five CSV files of spec section 4 as text, in OUTPUT_FILES order.
 * @example formatOutputCsv(model, results, issues)[0].file // "provider-summary.csv"
 */
export function formatOutputCsv(model: VolumeModel, results: Results, issues: readonly Issue[]): CsvFile[] {
  return [
    { file: "provider-summary.csv", text: formatCsv(buildSummaryTable(model, results)) },
    { file: "provider-hourly.csv", text: formatCsv(buildProviderHourlyTable(model, results)) },
    { file: "rates-by-dmc.csv", text: formatSeriesCsv(model, results, "rates-by-dmc.csv") },
    { file: "rates-by-transaction.csv", text: formatSeriesCsv(model, results, "rates-by-transaction.csv") },
    { file: "issues.csv", text: formatCsv(buildIssueTable(issues)) },
  ];
}
