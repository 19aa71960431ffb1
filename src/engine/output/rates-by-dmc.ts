import { explainHour } from "../explain/explain";
import { cellText } from "../parse/cell-values";
import { notAFigure, type OutputDefinition } from "./output-definition";
import { seriesCsv, seriesCsvChunks, seriesRows, seriesTable } from "./rates-series";

const COLUMNS = ["phase", "provider", "dmc", "hour", "per_hour"] as const;

/** rates-by-dmc.csv: each DMC's hourly load on each provider; all-zero series omitted. */
export const ratesByDmc: OutputDefinition<"rates-by-dmc.csv"> = {
  file: "rates-by-dmc.csv",
  key: "dmc",
  description: "transactions per hour per phase, provider, DMC and hour",
  columns: COLUMNS,
  sheet: { name: "sctvm By DMC", table: "sctvm_ByDmc" },
  build: (input) => ({ file: "rates-by-dmc.csv", columns: COLUMNS, rows: seriesRows(input, "dmc") }),
  csv: (input) => seriesCsv(input, "dmc", COLUMNS),
  csvChunks: (input) => seriesCsvChunks(input, "dmc", COLUMNS),
  seriesTable: (input) => seriesTable(input, "dmc"),
  explain: ({ model, results, column, row }) => {
    if (column !== "per_hour") return notAFigure(column);
    const text = (k: string): string => cellText(row[k] ?? null);
    return explainHour(model, results, { phase: text("phase"), provider: text("provider"), hour: Number(text("hour")), dmc: text("dmc") });
  },
};
