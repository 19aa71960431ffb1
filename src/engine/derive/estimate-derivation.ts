import { resultsByteLength } from "../model/results";
import { HOURS, STREAMS, type VolumeModel } from "../model/types";
import { buildTransactionSeries } from "./transaction-series";

/** What deriving a model will allocate, worked out from its counts before deriving. */
export interface DerivationEstimate {
  /** Everything below, in bytes. */
  readonly bytes: number;
  /** The result arrays (`Results`: per DMC unless left out, per series, per stream, per provider). */
  readonly resultsBytes: number;
  /** Of `resultsBytes`, the per-DMC series (rates-by-dmc); 0 when left out. */
  readonly dmcSeriesBytes: number;
  /** The derivation's working arrays: the rate of every (DMC, transaction row), drivers, shares, routing. */
  readonly workingBytes: number;
}

const F64 = Float64Array.BYTES_PER_ELEMENT;
const I32 = Int32Array.BYTES_PER_ELEMENT;

/**
 * The typed arrays `deriveRates(model, { dmcSeries })` allocates, from the model's counts
 * alone (no derivation): what a memory budget is checked against.
 * @example estimateDerivation(model).bytes // 3 × 6 × (500 + S + 4) × 24 × 8 + 500 × 200 × 8 + …
 */
export function estimateDerivation(model: VolumeModel, dmcSeries = true): DerivationEstimate {
  const P = model.phases.length;
  const R = model.providers.length;
  const D = model.dmcs.length;
  const T = model.transactions.length;
  const counts = { phaseCount: P, providerCount: R, dmcCount: D, seriesCount: buildTransactionSeries(model.transactions).series.length };
  const resultsBytes = resultsByteLength(counts, dmcSeries);
  const dmcSeriesBytes = dmcSeries ? resultsBytes - resultsByteLength(counts, false) : 0;
  // Rate matrix [dmc][row], drivers [phase][dmc][stream], shares [row][hour], routing
  // [row][provider], one DMC's loads [provider][hour]; stream and series of each row.
  const workingBytes = (D * T + P * D * STREAMS.length + T * HOURS + T * R + R * HOURS) * F64 + 2 * T * I32;
  return { bytes: resultsBytes + workingBytes, resultsBytes, dmcSeriesBytes, workingBytes };
}
