/** Derived results: dense Float64Arrays, indexed as documented on each field. */
import type { Status, Stream } from "./types";

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
  /** [phase][provider][hour]: transactions per hour. */
  readonly providerHourly: Float64Array;
  /** [phase][provider][dmc][hour]. */
  readonly byDmc: Float64Array;
  /** [phase][provider][series][hour]. */
  readonly bySeries: Float64Array;
  /** [phase][provider][stream][hour], streams in `STREAMS` order (for charts). */
  readonly byStream: Float64Array;
  /** Phase order, then provider order. */
  readonly summaries: readonly ProviderSummary[];
}
