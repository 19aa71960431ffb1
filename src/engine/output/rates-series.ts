/** What rates-by-dmc.csv and rates-by-transaction.csv share: non-zero 24-hour series with key labels. */
import { isAllZero, nonZeroSeries } from "../model/results";
import { HOURS as HOURS_PER_SERIES } from "../model/types";
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
 * A rates file's series as plain data, everything printing needs and nothing else, so a
 * part of it can be printed anywhere (another thread of the CLI gets a copy). Series are
 * numbered in key order: series `i` is group `⌊i / items⌋` (a phase and provider) and item
 * `i mod items` (a DMC, or a transaction series), its 24 figures at `values[24 i …]`.
 */
export interface SeriesTable {
  /** `phase,provider,` as CSV fields, for each (phase, provider) in key order. */
  readonly groupPrefixes: readonly string[];
  /** Each item's key fields as CSV, each followed by a comma (`dmc,` or `transaction,stream,`). */
  readonly itemPrefixes: readonly string[];
  /** 24 figures per series, series in key order (group-major). */
  readonly values: Float64Array;
}

/** The series of a rates file as a `SeriesTable` (the figures are the results' own array, not a copy). */
export function seriesTable({ model, results }: OutputInput, kind: "dmc" | "transaction"): SeriesTable {
  const groupPrefixes: string[] = [];
  for (let phase = 0; phase < results.phaseCount; phase++) {
    for (let provider = 0; provider < results.providerCount; provider++) {
      groupPrefixes.push(`${csvField(model.phases[phase]?.name ?? "")},${csvField(model.providers[provider]?.name ?? "")},`);
    }
  }
  const itemPrefixes =
    kind === "dmc"
      ? Array.from({ length: results.dmcCount }, (_, d) => `${csvField(model.dmcs[d]?.name ?? "")},`)
      : results.series.map((s) => `${csvField(s.name)},${csvField(s.stream)},`);
  const values = kind === "dmc" ? results.byDmc : results.bySeries;
  if (!values) throw new Error("internal error: these results were derived without per-DMC series");
  return { groupPrefixes, itemPrefixes, values };
}

/** How many series (all-zero ones included) a table numbers. */
export function seriesCount(table: SeriesTable): number {
  return table.groupPrefixes.length * table.itemPrefixes.length;
}

/** The header line of a rates CSV as UTF-8 bytes. */
export function seriesCsvHeader(columns: readonly string[]): Uint8Array {
  return utf8Bytes(`${columns.map(csvField).join(",")}\n`);
}

/**
 * The CSV as UTF-8 bytes straight from the Float64Arrays, in chunks of at least `chunkBytes`
 * (but the last) made as they are consumed, so a rates file is never held whole. The
 * chunks join to the UTF-8 of formatCsv of the rows.
 * @example concat([...seriesCsvChunks(input, "dmc", COLUMNS)]) // = UTF-8 of seriesCsv(input, "dmc", COLUMNS)
 */
export function seriesCsvChunks(input: OutputInput, kind: "dmc" | "transaction", columns: readonly string[], chunkBytes = CHUNK_BYTES): Generator<Uint8Array> {
  return seriesTableCsvChunks(seriesTable(input, kind), columns, undefined, chunkBytes);
}

/** Series per block when a `SeriesPrinter` prints a file (~49,000 lines, ~2 MB); the CLI's threads share blocks of this size. */
export const SERIES_BLOCK = 2048;

/**
 * The CSV of a `SeriesTable` as UTF-8 byte chunks made as they are consumed: header, then
 * the lines. Without a printer, chunks of at least `chunkBytes` (but the last); with one,
 * a chunk a block of `SERIES_BLOCK` series (`seriesLinesBytes`, into what `spare` gives: a
 * block's buffer the caller is done with). The same bytes either way.
 * @example concat([...seriesTableCsvChunks(table, COLUMNS, printer)]) // = UTF-8 of the whole CSV
 */
export function* seriesTableCsvChunks(table: SeriesTable, columns: readonly string[], printer?: SeriesPrinter, chunkBytes = CHUNK_BYTES, spare?: () => Uint8Array | undefined): Generator<Uint8Array> {
  const total = seriesCount(table);
  if (!printer) {
    yield* seriesLineChunks(table, 0, total, chunkBytes, seriesCsvHeader(columns));
    return;
  }
  yield seriesCsvHeader(columns);
  for (let from = 0; from < total; from += SERIES_BLOCK) {
    const bytes = seriesLinesBytes(table, from, Math.min(total, from + SERIES_BLOCK), printer, spare?.());
    if (bytes.length > 0) yield bytes;
  }
}

/**
 * A faster printer of a range of series (the CLI's native one, src/cli/native-addon.ts):
 * from series `state[1]`, it writes into `out` from `state[0]` exactly the lines
 * `seriesLinesBytes` would, skipping all-zero series, with the key prefix of series `i` being
 * `prefixes[groupOffsets[g] … groupOffsets[g+1])` then `prefixes[itemOffsets[t] … itemOffsets[t+1])`
 * (g = ⌊i / items⌋, t = i mod items). It leaves in `state` where it stopped and returns 0
 * when it reached `to`, 1 when series `state[1]` has a figure it does not print (this
 * module prints that one), 2 when `out` has no room for the next series.
 */
export type SeriesPrinter = (
  out: Uint8Array,
  values: Float64Array,
  from: number,
  to: number,
  items: number,
  prefixes: Uint8Array,
  groupOffsets: Int32Array,
  itemOffsets: Int32Array,
  state: Float64Array,
) => number;

/** A table's key prefixes as UTF-8, for a `SeriesPrinter`. */
interface EncodedPrefixes {
  readonly bytes: Uint8Array;
  readonly groupOffsets: Int32Array;
  readonly itemOffsets: Int32Array;
  /**
   * Room one series' lines may need at most: the longest prefixes and, a line, the hour,
   * comma, figure and newline with a margin (the native printer asks for 52 bytes a line
   * past the prefix; this gives 60).
   */
  readonly seriesRoom: number;
}

const encodedPrefixes = new WeakMap<SeriesTable, EncodedPrefixes>();

function encodePrefixes(table: SeriesTable): EncodedPrefixes {
  const known = encodedPrefixes.get(table);
  if (known) return known;
  const parts = [...table.groupPrefixes, ...table.itemPrefixes].map(utf8Bytes);
  const offsets = new Int32Array(parts.length + 1);
  parts.forEach((part, k) => (offsets[k + 1] = (offsets[k] as number) + part.length));
  const bytes = new Uint8Array(offsets[parts.length] as number);
  parts.forEach((part, k) => bytes.set(part, offsets[k] as number));
  const groups = table.groupPrefixes.length;
  const longest = (from: number, to: number): number => {
    let most = 0;
    for (let k = from; k < to; k++) most = Math.max(most, (parts[k] as Uint8Array).length);
    return most;
  };
  const encoded: EncodedPrefixes = {
    bytes,
    groupOffsets: offsets.slice(0, groups + 1),
    itemOffsets: offsets.slice(groups),
    seriesRoom: HOURS_PER_SERIES * (longest(0, groups) + longest(groups, parts.length) + 4 + FIGURE_ROOM + 24),
  };
  encodedPrefixes.set(table, encoded);
  return encoded;
}

/**
 * The lines of series `from` to `to` (excluded) that are not all zero, as one byte array of
 * their own (byte offset 0): the pieces of a rates file that the CLI prints on two threads.
 * The pieces of consecutive ranges join to the lines `seriesCsvChunks` writes for the whole
 * range. The lines are printed straight into `reuse` (a piece the caller is done with),
 * else into a new array an eighth larger than the last piece, so that it can be reused for
 * later pieces; either is replaced by a larger copy when the lines need more room. With a
 * `printer`, it prints what it can and this module the rest: the same bytes.
 * @example seriesLinesBytes(table, 0, seriesCount(table)) // every line, without the header
 */
export function seriesLinesBytes(table: SeriesTable, from: number, to: number, printer?: SeriesPrinter, reuse?: Uint8Array): Uint8Array {
  const out: ByteBuffer = { bytes: reuse ?? new Uint8Array(Math.ceil(bytesPerSeries * (to - from) * 1.125)), at: 0 };
  if (printer) printLines(table, from, to, printer, out);
  else for (let i = from; i < to; i++) appendSeries(table, i, out);
  if (to > from) bytesPerSeries = out.at / (to - from);
  return out.bytes.subarray(0, out.at);
}

/** Bytes a series took in the last piece seriesLinesBytes made: its guess for a new one. */
let bytesPerSeries = 0;

/** Series [from, to) into `out` by the printer, and by this module where it declines. */
function printLines(table: SeriesTable, from: number, to: number, printer: SeriesPrinter, out: ByteBuffer): void {
  const { bytes, groupOffsets, itemOffsets, seriesRoom } = encodePrefixes(table);
  const state = new Float64Array(2);
  // Short of room: one larger copy with room for the rest, at the rate so far (or the last piece's).
  const roomForRest = (i: number): number => Math.max(seriesRoom, Math.ceil((i > from ? out.at / (i - from) : bytesPerSeries) * (to - i) * 1.125));
  for (let i = from; i < to; ) {
    if (out.at + seriesRoom > out.bytes.length) grow(out, roomForRest(i));
    state[0] = out.at;
    state[1] = i;
    const status = printer(out.bytes, table.values, i, to, table.itemPrefixes.length, bytes, groupOffsets, itemOffsets, state);
    out.at = state[0] as number;
    i = state[1] as number;
    if (status === 0) break;
    if (status === 1) appendSeries(table, i++, out);
    // Out of room by the printer's own measure: grow whatever `seriesRoom` said, so the loop
    // goes on even if the two measures ever disagree.
    else if (status === 2) grow(out, roomForRest(i));
    else throw new Error(`internal error: the series printer returned ${status}`);
  }
}

/** More room at the end of `out`: at least `room` bytes past `at` (at least doubling the small). */
function grow(out: ByteBuffer, room: number): void {
  const larger = new Uint8Array(Math.max(Math.min(2 * out.bytes.length, out.bytes.length + (4 << 20)), out.at + room));
  larger.set(out.bytes.subarray(0, out.at));
  out.bytes = larger;
}

/** Bytes being filled: `bytes[0 … at)` are written. */
interface ByteBuffer {
  bytes: Uint8Array;
  at: number;
}

/**
 * The lines of series [from, to) that are not all zero, after `first` (the header, when
 * given), in chunks of at least `chunkBytes` but the last; each chunk is a new array, left
 * as it is once yielded.
 */
function* seriesLineChunks(table: SeriesTable, from: number, to: number, chunkBytes: number, first?: Uint8Array): Generator<Uint8Array> {
  const out: ByteBuffer = { bytes: new Uint8Array(chunkBytes + 64 * 1024 + (first?.length ?? 0)), at: 0 };
  if (first) {
    out.bytes.set(first);
    out.at = first.length;
  }
  for (let i = from; i < to; i++) {
    appendSeries(table, i, out);
    if (out.at >= chunkBytes) {
      yield out.bytes.subarray(0, out.at);
      out.bytes = new Uint8Array(chunkBytes + 64 * 1024);
      out.at = 0;
    }
  }
  if (out.at > 0) yield out.bytes.subarray(0, out.at);
}

/**
 * Series `i`'s 24 lines at the end of `out` (grown when short of room), unless every figure
 * is 0 (`isAllZero`, as `nonZeroSeries` leaves such a series out). The key prefix is
 * encoded once, then the lines are written byte by byte (no line strings, no joins: at 14
 * million lines the strings cost more than the figures).
 */
function appendSeries({ groupPrefixes, itemPrefixes, values }: SeriesTable, i: number, out: ByteBuffer): void {
  const base = i * HOURS_PER_SERIES;
  if (isAllZero(values, base)) return;
  const items = itemPrefixes.length;
  const prefix = (groupPrefixes[Math.floor(i / items)] as string) + (itemPrefixes[i % items] as string);
  const room = HOURS_PER_SERIES * (prefix.length * 3 + 4 + FIGURE_ROOM);
  if (out.at + room > out.bytes.length) grow(out, room);
  out.at = writeSeriesLines(out.bytes, out.at, prefix, values.subarray(base, base + HOURS_PER_SERIES));
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
