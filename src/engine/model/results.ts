/**
 * Derived results and the one module that knows their layout: dense Float64Arrays indexed
 * [phase][provider][item][hour]. Everything else reads them through the accessors below
 * (24-hour subarray views, no copies) and never does index arithmetic of its own.
 */
import { exhaustive } from "./exhaustive";
import { HOURS, STREAMS, type Status, type Stream } from "./types";

/** A (transaction name, stream) series of rates-by-transaction, in first-row table order. */
export interface TransactionSeries {
  readonly name: string;
  readonly stream: Stream;
  /** Indices into `VolumeModel.transactions` that feed this series. */
  readonly rows: readonly number[];
}

export interface ProviderSummary {
  readonly phase: number;
  readonly provider: number;
  readonly dailyTotal: number;
  readonly peakHour: number;
  readonly peakPerHour: number;
  readonly peakPerSecond: number;
  readonly requiredPerHour: number;
  readonly requiredPerSecond: number;
  /** Null where no level applies. */
  readonly capacityPerHour: number | null;
  /** Null where no level applies or the level has no PeakPerSecond. */
  readonly capacityPerSecond: number | null;
  readonly utilisation: number | null;
  readonly headroom: number;
  /** Index into `VolumeModel.levels` of the level that applies, or null. */
  readonly level: number | null;
  readonly status: Status;
}

export interface Results {
  readonly phaseCount: number;
  readonly providerCount: number;
  readonly dmcCount: number;
  readonly series: readonly TransactionSeries[];
  /** [phase][provider][hour]: transactions per hour. Read with `hourlyOf`. */
  readonly providerHourly: Float64Array;
  /**
   * [phase][provider][dmc][hour]. Read with `dmcSeries`. Null when derived without per-DMC
   * series (`compute --outputs` without rates-by-dmc, for models too large to hold them).
   */
  readonly byDmc: Float64Array | null;
  /** [phase][provider][series][hour]. Read with `transactionSeries`. */
  readonly bySeries: Float64Array;
  /** [phase][provider][stream][hour], streams in `STREAMS` order. Read with `streamSeries`. */
  readonly byStream: Float64Array;
  /** Phase order, then provider order. Read with `summaryOf`. */
  readonly summaries: readonly ProviderSummary[];
}

/** The sizes that fix every offset. */
export type ResultsShape = Pick<Results, "phaseCount" | "providerCount">;

/** Position of each stream in `byStream` (`STREAMS` order). */
export const STREAM_INDEX: Readonly<Record<Stream, number>> = { Migration: 0, Install: 1, Traffic: 2 };

/**
 * Offset of hour 0 of `item` for (phase, provider) in a [phase][provider][item][hour] array
 * of `itemCount` items per (phase, provider): the one formula of the layout. For the hot
 * loop of the derivation; everything else uses the views below.
 * @example seriesOffset(2, 3, 1, 0, 2) // ((1 × 2 + 0) × 3 + 2) × 24 = 192
 */
export function seriesOffset(providerCount: number, itemCount: number, phase: number, provider: number, item: number): number {
  return ((phase * providerCount + provider) * itemCount + item) * HOURS;
}

/** The counts that fix the size of every result array. */
export interface ResultsCounts {
  readonly phaseCount: number;
  readonly providerCount: number;
  readonly dmcCount: number;
  readonly seriesCount: number;
}

/**
 * Bytes of the result arrays a derivation allocates: per DMC (unless left out), per
 * transaction series, per stream and per provider, each [phase][provider][item][hour] of
 * 8-byte numbers.
 * @example resultsByteLength({ phaseCount: 3, providerCount: 6, dmcCount: 500, seriesCount: 150 }, true) // 18 × 654 × 24 × 8
 */
export function resultsByteLength(counts: ResultsCounts, dmcSeries: boolean): number {
  const items = (dmcSeries ? counts.dmcCount : 0) + counts.seriesCount + STREAMS.length + 1;
  return counts.phaseCount * counts.providerCount * items * HOURS * Float64Array.BYTES_PER_ELEMENT;
}

/** A zeroed [phase][provider][item][hour] array. */
export function allocateSeries(phaseCount: number, providerCount: number, itemCount: number): Float64Array {
  return new Float64Array(phaseCount * providerCount * itemCount * HOURS);
}

/** The arrays a 24-hour series can come from, and what their items are. */
export type SeriesKind = "dmc" | "transaction" | "stream";

function itemsOf(results: Results, kind: SeriesKind): { values: Float64Array; count: number } {
  switch (kind) {
    case "dmc":
      if (!results.byDmc) throw new Error("internal error: these results were derived without per-DMC series");
      return { values: results.byDmc, count: results.dmcCount };
    case "transaction":
      return { values: results.bySeries, count: results.series.length };
    case "stream":
      return { values: results.byStream, count: STREAMS.length };
    default:
      return exhaustive(kind);
  }
}

function checkIndex(name: string, index: number, count: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`internal error: ${name} index ${index} outside 0..${count - 1}`);
}

function view(shape: ResultsShape, values: Float64Array, itemCount: number, phase: number, provider: number, item: number): Float64Array {
  checkIndex("phase", phase, shape.phaseCount);
  checkIndex("provider", provider, shape.providerCount);
  checkIndex("item", item, itemCount);
  const base = seriesOffset(shape.providerCount, itemCount, phase, provider, item);
  return values.subarray(base, base + HOURS);
}

/**
 * The 24 hourly loads of a provider in a phase (provider-hourly), as a view.
 * @example hourlyOf(results, 0, 1)[2] // IOC, second provider, hour 2
 */
export function hourlyOf(results: ResultsShape & Pick<Results, "providerHourly">, phase: number, provider: number): Float64Array {
  return view(results, results.providerHourly, 1, phase, provider, 0);
}

/** The 24 hourly loads of one DMC on a provider in a phase (rates-by-dmc), as a view. */
export function dmcSeries(results: Results, phase: number, provider: number, dmc: number): Float64Array {
  return view(results, itemsOf(results, "dmc").values, results.dmcCount, phase, provider, dmc);
}

/** The 24 hourly loads of one transaction series (index into `results.series`), as a view. */
export function transactionSeries(results: Results, phase: number, provider: number, series: number): Float64Array {
  return view(results, results.bySeries, results.series.length, phase, provider, series);
}

/** The 24 hourly loads of one stream on a provider in a phase (for charts), as a view. */
export function streamSeries(results: Results, phase: number, provider: number, stream: Stream): Float64Array {
  return view(results, results.byStream, STREAMS.length, phase, provider, STREAM_INDEX[stream]);
}

/** The provider-summary row of (phase, provider). */
export function summaryOf(results: Results, phase: number, provider: number): ProviderSummary {
  checkIndex("phase", phase, results.phaseCount);
  checkIndex("provider", provider, results.providerCount);
  const s = results.summaries[phase * results.providerCount + provider];
  if (!s) throw new RangeError(`internal error: no summary for phase ${phase}, provider ${provider}`);
  return s;
}

/** A 24-hour series with its place in the key order. */
export interface SeriesVisit {
  readonly phase: number;
  readonly provider: number;
  readonly item: number;
  readonly hours: Float64Array;
}

/**
 * Visits every 24-hour series of one kind that is not all zero, in key order: phases,
 * providers, items: the order of the rates files' rows. The byte printers of those files
 * (`seriesTable` in output/rates-series.ts) number series in the same order; the property
 * tests hold their bytes to the rows made here.
 */
export function forEachNonZeroSeries(results: Results, kind: SeriesKind, visit: (series: SeriesVisit) => void): void {
  for (const series of nonZeroSeries(results, kind)) visit(series);
}

/**
 * Whether the 24 figures at `values[base …]` are all 0 (a NaN is not 0): such a series is
 * left out of the rates files.
 */
export function isAllZero(values: Float64Array, base: number): boolean {
  for (let h = 0; h < HOURS; h++) if ((values[base + h] as number) !== 0) return false;
  return true;
}

/** The series `forEachNonZeroSeries` visits, in the same order, one at a time (for files written in chunks). */
export function* nonZeroSeries(results: Results, kind: SeriesKind): Generator<SeriesVisit> {
  const { values, count } = itemsOf(results, kind);
  for (let phase = 0; phase < results.phaseCount; phase++) {
    for (let provider = 0; provider < results.providerCount; provider++) {
      for (let item = 0; item < count; item++) {
        const base = seriesOffset(results.providerCount, count, phase, provider, item);
        if (!isAllZero(values, base)) yield { phase, provider, item, hours: values.subarray(base, base + HOURS) };
      }
    }
  }
}
