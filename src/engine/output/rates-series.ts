/** What rates-by-dmc.csv and rates-by-transaction.csv share: non-zero 24-hour series with key labels. */
import { nonZeroSeries } from "../model/results";
import { csvField, formatCsv, formatNumber } from "./format-csv";
import { utf8Bytes, writeUtf8 } from "./utf8-bytes";
import type { OutputCell, OutputInput } from "./output-definition";

/** A non-zero 24-hour series of a rates file with its key labels. */
export interface LabelledSeries {
  readonly phase: string;
  readonly provider: string;
  readonly labels: readonly string[];
  readonly hours: Float64Array;
}

/**
 * The non-zero DMC or transaction series in key order (phases, providers, DMCs /
 * transaction series in table order), with their labels, one at a time.
 */
function* ratesSeries({ model, results }: OutputInput, kind: "dmc" | "transaction"): Generator<LabelledSeries> {
  for (const { phase, provider, item, hours } of nonZeroSeries(results, kind)) {
    const series = results.series[item];
    yield {
      phase: model.phases[phase]?.name ?? "",
      provider: model.providers[provider]?.name ?? "",
      labels: kind === "dmc" ? [model.dmcs[item]?.name ?? ""] : [series?.name ?? "", series?.stream ?? ""],
      hours,
    };
  }
}

/** The rows: key labels, hour, per_hour. */
export function seriesRows(input: OutputInput, kind: "dmc" | "transaction"): OutputCell[][] {
  const rows: OutputCell[][] = [];
  for (const { phase, provider, labels, hours } of ratesSeries(input, kind)) {
    hours.forEach((perHour, h) => rows.push([phase, provider, ...labels, h, perHour]));
  }
  return rows;
}

/** Bytes per chunk of `seriesCsvChunks` (about 1 MiB). */
export const CHUNK_BYTES = 1 << 20;

/** Room for one per_hour figure: the longest shortest-round-trip double is 24 characters. */
const FIGURE_ROOM = 32;
/** "0," … "23," as bytes. */
const HOUR_FIELDS: readonly Uint8Array[] = Array.from({ length: 24 }, (_, h) => utf8Bytes(`${h},`));

/**
 * The CSV as UTF-8 bytes straight from the Float64Arrays, in chunks of at least `chunkBytes`
 * (but the last) made as they are consumed, so a rates file is never held whole: each
 * series' key prefix is quoted and encoded once, then its 24 lines are written byte by byte
 * (no line strings, no joins: at 14 million lines the strings cost more than the figures).
 * The chunks join to the UTF-8 of formatCsv of the rows.
 * @example concat([...seriesCsvChunks(input, "dmc", COLUMNS)]) // = UTF-8 of seriesCsv(input, "dmc", COLUMNS)
 */
export function* seriesCsvChunks(input: OutputInput, kind: "dmc" | "transaction", columns: readonly string[], chunkBytes = CHUNK_BYTES): Generator<Uint8Array> {
  const header = utf8Bytes(`${columns.map(csvField).join(",")}\n`);
  let chunk = new Uint8Array(Math.max(chunkBytes, header.length) + 64 * 1024);
  chunk.set(header);
  let at = header.length;
  for (const { phase, provider, labels, hours } of ratesSeries(input, kind)) {
    const prefix = `${csvField(phase)},${csvField(provider)},${labels.map(csvField).join(",")},`;
    const room = hours.length * (prefix.length * 3 + 4 + FIGURE_ROOM);
    if (at + room > chunk.length) {
      const larger = new Uint8Array(at + room + chunkBytes);
      larger.set(chunk.subarray(0, at));
      chunk = larger;
    }
    at = writeSeriesLines(chunk, at, prefix, hours);
    if (at >= chunkBytes) {
      yield chunk.subarray(0, at);
      chunk = new Uint8Array(chunkBytes + 64 * 1024);
      at = 0;
    }
  }
  if (at > 0) yield chunk.subarray(0, at);
}

/** A reused plain array: JSON.stringify of a Float64Array would give an object, not a list. */
const figures: number[] = [];

/**
 * "[f0,f1,…]": each figure as formatNumber prints it, from one JSON.stringify call where
 * it can: for a finite number JSON writes exactly ToString(n) (-0 as "0", as formatNumber
 * does), and one call for 24 figures costs ~30% less than 24 String(n) calls. A series
 * holding a NaN or an infinity (JSON would write null) is printed figure by figure.
 * @example seriesFigureList(Float64Array.of(1.5, -0)) // "[1.5,0]"
 */
export function seriesFigureList(hours: Float64Array): string {
  figures.length = hours.length;
  for (let h = 0; h < hours.length; h++) figures[h] = hours[h] as number;
  const list = JSON.stringify(figures);
  // "null" is the only text with an n that JSON writes for a number.
  return list.includes("n") ? `[${Array.from(hours, formatNumber).join(",")}]` : list;
}

/**
 * One series' 24 lines into `chunk` from `start` (room checked by the caller); returns the
 * new end. Figures from `seriesFigureList`; the key prefix is encoded once, into the first
 * line, and copied from there (copyWithin); the short fields by byte loops.
 */
function writeSeriesLines(chunk: Uint8Array, start: number, prefix: string, hours: Float64Array): number {
  const list = seriesFigureList(hours);
  const prefixEnd = writeUtf8(prefix, chunk, start);
  const prefixBytes = prefixEnd - start;
  let at = prefixEnd;
  let from = 1; // past "["
  for (let h = 0; h < hours.length; h++) {
    if (h > 0) {
      chunk.copyWithin(at, start, prefixEnd);
      at += prefixBytes;
    }
    const hour = HOUR_FIELDS[h] as Uint8Array;
    for (let k = 0; k < hour.length; k++) chunk[at++] = hour[k] as number;
    // Up to the next "," or the closing "]".
    for (let c = list.charCodeAt(from++); c !== 44 && c !== 93; c = list.charCodeAt(from++)) chunk[at++] = c;
    chunk[at++] = 10;
  }
  return at;
}

/** The whole CSV text, from the rows (the reference the byte chunks are tested against). */
export function seriesCsv(input: OutputInput, kind: "dmc" | "transaction", columns: readonly string[]): string {
  return formatCsv({ columns, rows: seriesRows(input, kind) });
}
