import { explainHour } from "../explain/explain";
import { hourlyOf } from "../model/results";
import { cellText } from "../parse/cell-values";
import { formatCsv, formatNumber } from "./format-csv";
import { notAFigure, type OutputCell, type OutputDefinition, type OutputInput, type OutputTable } from "./output-definition";

const COLUMNS = ["phase", "provider", "hour", "per_hour", "per_second"] as const;

function build({ model, results }: OutputInput): OutputTable {
  const rows: OutputCell[][] = [];
  model.phases.forEach((phase, ph) => {
    model.providers.forEach((provider, p) => {
      hourlyOf(results, ph, p).forEach((perHour, h) => rows.push([phase.name, provider.name, h, perHour, perHour / 3600]));
    });
  });
  return { file: "provider-hourly.csv", columns: COLUMNS, rows };
}

/** provider-hourly.csv: every phase × provider × hour, zeros included. */
export const providerHourly: OutputDefinition<"provider-hourly.csv"> = {
  file: "provider-hourly.csv",
  key: "hourly",
  description: "transactions per hour per phase, provider and hour",
  columns: COLUMNS,
  sheet: { name: "sctvm Provider hourly", table: "sctvm_ProviderHourly" },
  build,
  csv: (input) => formatCsv(build(input)),
  explain: ({ model, results, column, row }) => {
    if (column !== "per_hour" && column !== "per_second") return notAFigure(column);
    const text = (k: string): string => cellText(row[k] ?? null);
    const e = explainHour(model, results, { phase: text("phase"), provider: text("provider"), hour: Number(text("hour")) });
    if ("error" in e || column === "per_hour") return e;
    const value = e.value / 3600;
    return {
      ...e,
      figure: "provider-hourly.csv per_second",
      value,
      unit: "transactions/second",
      formula: "per_hour / 3600 (the mean rate in the hour)",
      terms: [{ label: "per_hour / 3600", value, arithmetic: `${formatNumber(e.value)} / 3600 = ${formatNumber(value)}`, terms: undefined }],
    };
  },
};
