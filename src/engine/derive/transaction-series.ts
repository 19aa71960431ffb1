import type { TransactionSeries } from "../model/results";
import type { TransactionRow } from "../model/types";
import { foldKey } from "../parse/cell-values";

/**
 * Groups transaction rows into the series of rates-by-transaction: one per (Transaction,
 * Stream), in the table order of its first row. A DMC matches at most one row of a
 * transaction, so each series sums one load per DMC.
 */
export function buildTransactionSeries(rows: readonly TransactionRow[]): { series: TransactionSeries[]; seriesOfRow: Int32Array } {
  const series: { name: string; stream: TransactionRow["stream"]; rows: number[] }[] = [];
  const byKey = new Map<string, number>();
  const seriesOfRow = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const key = `${foldKey(row.name)}\u0000${row.stream}`;
    let s = byKey.get(key);
    if (s === undefined) {
      s = series.length;
      byKey.set(key, s);
      series.push({ name: row.name, stream: row.stream, rows: [] });
    }
    series[s]?.rows.push(i);
    seriesOfRow[i] = s;
  });
  return { series, seriesOfRow };
}
