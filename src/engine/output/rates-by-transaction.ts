import { explainHour } from "../explain/explain";
import { cellText } from "../parse/cell-values";
import { notAFigure, type OutputDefinition } from "./output-definition";
import { seriesCsv, seriesCsvChunks, seriesRows, seriesTable } from "./rates-series";

const COLUMNS = ["phase", "provider", "transaction", "stream", "hour", "per_hour"] as const;

/** rates-by-transaction.csv: each (transaction, stream) series' hourly load; all-zero series omitted. */
export const ratesByTransaction: OutputDefinition<"rates-by-transaction.csv"> = {
  file: "rates-by-transaction.csv",
  key: "transaction",
  description: "transactions per hour per phase, provider, transaction and hour",
  columns: COLUMNS,
  sheet: { name: "sctvm By transaction", table: "sctvm_ByTransaction" },
  build: (input) => ({ file: "rates-by-transaction.csv", columns: COLUMNS, rows: seriesRows(input, "transaction") }),
  csv: (input) => seriesCsv(input, "transaction", COLUMNS),
  csvChunks: (input) => seriesCsvChunks(input, "transaction", COLUMNS),
  seriesTable: (input) => seriesTable(input, "transaction"),
  explain: ({ model, results, column, row }) => {
    if (column !== "per_hour") return notAFigure(column);
    const text = (k: string): string => cellText(row[k] ?? null);
    return explainHour(model, results, {
      phase: text("phase"),
      provider: text("provider"),
      hour: Number(text("hour")),
      transaction: text("transaction"),
      stream: text("stream"),
    });
  },
};
