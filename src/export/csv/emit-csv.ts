import { formatCsv, type Schedule } from "../../engine";
import type { Emitted } from "../export-format";

export const SCHEDULE_CSV_COLUMNS = [
  "phase", "provider", "transaction", "stream", "step", "start_s", "duration_s", "rate_per_second", "expected_count",
  "end_rate_per_second", "hour", "name",
] as const;

/** The schedule's rows: one per series and step, series in schedule order. */
export function scheduleCsvRows(s: Schedule): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const series of s.series) {
    for (const r of series.rates) {
      const step = s.steps[r.step];
      rows.push([
        s.phase, s.provider, series.transaction, series.stream, r.step, step?.startSeconds ?? 0, step?.durationSeconds ?? 0,
        r.ratePerSecond, r.expectedCount, r.endRatePerSecond, step?.hour ?? 0, series.name,
      ]);
    }
  }
  return rows;
}

/**
 * The schedule as CSV (spec section 4 conventions; formula-like text neutralised). CSV has
 * no comments, so the header travels in the JSON export.
 */
export function emitCsv(s: Schedule): Emitted {
  // formatCsv takes an output table; the file name is not used in the text.
  const text = formatCsv({ file: "rates-by-transaction.csv", columns: SCHEDULE_CSV_COLUMNS, rows: scheduleCsvRows(s) });
  return { files: [{ suffix: ".csv", text }], notes: [] };
}
