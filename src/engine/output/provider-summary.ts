import { explainSummary } from "../explain/explain-summary";
import { explainSummaryCell, type SummaryCellColumn } from "../explain/explain-summary-cell";
import type { SummaryField } from "../explain/explain";
import { cellText } from "../parse/cell-values";
import { formatCsv } from "./format-csv";
import { notAFigure, type OutputDefinition, type OutputInput, type OutputTable } from "./output-definition";

/** The figure that explains each derived column (as the sum of its terms). */
const SUMMARY_FIELDS: Readonly<Record<string, SummaryField>> = {
  daily_total: "daily_total",
  peak_per_hour: "peak_per_hour",
  peak_per_second: "peak_per_second",
  required_per_hour: "required_per_hour",
  required_per_second: "required_per_second",
  utilisation: "utilisation",
};

/** Columns that explain themselves: an input (its cell), the peak hour, a status (both checks). */
const SUMMARY_CELLS: Readonly<Record<string, SummaryCellColumn>> = {
  peak_hour: "peak_hour",
  status: "status",
  capacity_per_hour: "capacity_per_hour",
  capacity_per_second: "capacity_per_second",
};

const COLUMNS = [
  "phase", "provider", "daily_total", "peak_hour", "peak_per_hour", "peak_per_second", "required_per_hour",
  "required_per_second", "capacity_per_hour", "capacity_per_second", "utilisation", "status",
] as const;

function build({ model, results }: OutputInput): OutputTable {
  return {
    file: "provider-summary.csv",
    columns: COLUMNS,
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

/** provider-summary.csv: requisite levels, utilisation and status, phase order then provider order. */
export const providerSummary: OutputDefinition<"provider-summary.csv"> = {
  file: "provider-summary.csv",
  key: "summary",
  description: "requisite levels, utilisation and PASS/FAIL per phase and provider",
  columns: COLUMNS,
  sheet: { name: "sctvm Summary", table: "sctvm_Summary" },
  build,
  csv: (input) => formatCsv(build(input)),
  explain: ({ model, results, column, row }) => {
    const at = { phase: cellText(row["phase"] ?? null), provider: cellText(row["provider"] ?? null) };
    const cell = SUMMARY_CELLS[column];
    if (cell) return explainSummaryCell(model, results, { ...at, column: cell });
    const field = SUMMARY_FIELDS[column];
    if (!field) return notAFigure(column);
    return explainSummary(model, results, { ...at, field });
  },
};
