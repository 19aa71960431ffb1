import { exhaustive } from "../model/exhaustive";
import type { CellValue } from "../model/grid";
import type { Results } from "../model/results";
import type { VolumeModel } from "../model/types";
import type { OutputFile } from "../output/build-output-tables";
import { formatNumber } from "../output/format-csv";
import { cellText } from "../parse/cell-values";
import { explainHour, type ExplainError, type Explanation, type SummaryField } from "./explain";
import { explainSummary } from "./explain-summary";

const SUMMARY_FIELDS: Readonly<Record<string, SummaryField>> = {
  daily_total: "daily_total",
  peak_hour: "peak_per_hour",
  peak_per_hour: "peak_per_hour",
  peak_per_second: "peak_per_second",
  required_per_hour: "required_per_hour",
  required_per_second: "required_per_second",
  utilisation: "utilisation",
  status: "utilisation",
  capacity_per_hour: "utilisation",
  capacity_per_second: "required_per_second",
};

/**
 * Explains the figure in one cell of a result table, given the table, the column and the
 * row's values by header (what the add-in reads from a selected cell).
 * @example explainOutputCell(model, results, "rates-by-dmc.csv", "per_hour", { phase: "IOC", provider: "DSP", dmc: "S1-A", hour: 2 })
 */
export function explainOutputCell(
  model: VolumeModel,
  results: Results,
  file: OutputFile,
  column: string,
  row: Readonly<Record<string, CellValue>>,
): Explanation | ExplainError {
  const text = (k: string): string => cellText(row[k] ?? null);
  const phase = text("phase");
  const provider = text("provider");
  const hour = Number(text("hour"));
  switch (file) {
    case "provider-summary.csv": {
      const field = SUMMARY_FIELDS[column];
      if (!field) return { error: `${column} is a key, not a derived figure` };
      return explainSummary(model, results, { phase, provider, field });
    }
    case "provider-hourly.csv": {
      const e = explainHour(model, results, { phase, provider, hour });
      if ("error" in e || column !== "per_second") return column === "per_hour" || column === "per_second" ? e : { error: `${column} is a key, not a derived figure` };
      const value = e.value / 3600;
      return {
        ...e,
        figure: "provider-hourly.csv per_second",
        value,
        unit: "transactions/second",
        formula: "per_hour / 3600 (the mean rate in the hour)",
        terms: [{ label: "per_hour / 3600", value, arithmetic: `${formatNumber(e.value)} / 3600 = ${formatNumber(value)}`, terms: undefined }],
      };
    }
    case "rates-by-dmc.csv":
      if (column !== "per_hour") return { error: `${column} is a key, not a derived figure` };
      return explainHour(model, results, { phase, provider, hour, dmc: text("dmc") });
    case "rates-by-transaction.csv":
      if (column !== "per_hour") return { error: `${column} is a key, not a derived figure` };
      return explainHour(model, results, { phase, provider, hour, transaction: text("transaction"), stream: text("stream") });
    case "issues.csv":
      return { error: "issues are findings, not derived figures" };
    default:
      return exhaustive(file);
  }
}
