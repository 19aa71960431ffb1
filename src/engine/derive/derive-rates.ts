import { allocateSeries, seriesOffset, STREAM_INDEX, type Results } from "../model/results";
import { HOURS, STREAMS, type VolumeModel } from "../model/types";
import { checkLevels } from "../check/check-levels";
import { driverOf } from "./driver-of";
import { buildTransactionSeries } from "./transaction-series";

/**
 * The rate of each (DMC, transaction row): the override where one exists, else the row's
 * Rate; NaN where the row does not apply to the DMC's generation. Row-major [dmc][row].
 */
export function buildRateMatrix(model: VolumeModel): Float64Array {
  const T = model.transactions.length;
  const rates = new Float64Array(model.dmcs.length * T);
  model.dmcs.forEach((dmc, d) => {
    model.transactions.forEach((t, i) => {
      rates[d * T + i] = t.generation === "All" || t.generation === dmc.generation ? t.rate.value : Number.NaN;
    });
  });
  for (const o of model.overrides) rates[o.dmc * T + o.transaction] = o.rate.value;
  return rates;
}

/**
 * One row's 24 loads on one provider, added to the DMC's hours and the series' hours. Four
 * hours a turn: V8 does not unroll loops, and this one runs ~20 M times on the bench model
 * (24 ms warm against 40 one hour a turn). Each figure is the same expression, added in the
 * same order, as one hour a turn (HOURS is a multiple of 4).
 */
function addLoads(daily: number, shares: Float64Array, shareBase: number, route: number, dmcLoads: Float64Array, dmcBase: number, bySeries: Float64Array, seriesBase: number): void {
  for (let h = 0; h < HOURS; h += 4) {
    const s = shareBase + h;
    const d = dmcBase + h;
    const b = seriesBase + h;
    const l0 = daily * (shares[s] as number) * route;
    const l1 = daily * (shares[s + 1] as number) * route;
    const l2 = daily * (shares[s + 2] as number) * route;
    const l3 = daily * (shares[s + 3] as number) * route;
    dmcLoads[d] = (dmcLoads[d] as number) + l0;
    dmcLoads[d + 1] = (dmcLoads[d + 1] as number) + l1;
    dmcLoads[d + 2] = (dmcLoads[d + 2] as number) + l2;
    dmcLoads[d + 3] = (dmcLoads[d + 3] as number) + l3;
    bySeries[b] = (bySeries[b] as number) + l0;
    bySeries[b + 1] = (bySeries[b + 1] as number) + l1;
    bySeries[b + 2] = (bySeries[b + 2] as number) + l2;
    bySeries[b + 3] = (bySeries[b + 3] as number) + l3;
  }
}

export interface DeriveOptions {
  /**
   * Keep every DMC's 24-hour series (rates-by-dmc, explain); default true. Without them a
   * huge model needs a fraction of the memory, and every other figure is the same, bit for bit.
   */
  readonly dmcSeries?: boolean;
  /**
   * Makes the array of every DMC's series (zeroed, of the length asked). Default: a plain
   * Float64Array. The CLI lends shared memory, so a thread that prints rates-by-dmc reads the
   * figures where they are instead of a 100 MB copy.
   */
  readonly allocateDmcSeries?: (length: number) => Float64Array;
}

/**
 * Daily volumes -> hourly transactions per provider, per DMC, per transaction series and per
 * stream (spec section 3). Summation order is fixed so that every figure is the exact
 * left-to-right sum of the terms `explain` lists: loads over rows (table order) for a DMC
 * series, loads over DMCs for a transaction series, DMC series over DMCs for a provider hour.
 * @example const results = deriveRates(model); summaryOf(results, 0, 0).status // "PASS"
 */
export function deriveRates(model: VolumeModel, options: DeriveOptions = {}): Results {
  const P = model.phases.length;
  const R = model.providers.length;
  const D = model.dmcs.length;
  const T = model.transactions.length;
  const { series, seriesOfRow } = buildTransactionSeries(model.transactions);
  const S = series.length;
  const byDmc = options.dmcSeries === false ? null : options.allocateDmcSeries ? zeroedOfLength(options.allocateDmcSeries, P * R * D * HOURS) : allocateSeries(P, R, D);
  const bySeries = allocateSeries(P, R, S);
  const byStream = allocateSeries(P, R, STREAMS.length);
  const providerHourly = allocateSeries(P, R, 1);

  // Flat per-row inputs so the hot loop touches typed arrays only.
  const shares = new Float64Array(T * HOURS);
  const routing = new Float64Array(T * R);
  const streamOfRow = new Int32Array(T);
  model.transactions.forEach((t, i) => {
    const profile = model.profiles[t.profile];
    for (let h = 0; h < HOURS; h++) shares[i * HOURS + h] = profile?.shares[h]?.value ?? 0;
    for (let p = 0; p < R; p++) routing[i * R + p] = t.routing[p]?.value ?? 0;
    streamOfRow[i] = STREAM_INDEX[t.stream];
  });
  const routedRows: number[][] = model.transactions.map((_, i) => {
    const out: number[] = [];
    for (let p = 0; p < R; p++) if ((routing[i * R + p] ?? 0) !== 0) out.push(p);
    return out;
  });
  const drivers = new Float64Array(P * D * STREAMS.length); // [phase][dmc][stream]
  for (const v of model.volumes) {
    const base = (v.phase * D + v.dmc) * STREAMS.length;
    for (const stream of STREAMS) drivers[base + STREAM_INDEX[stream]] = driverOf(v, stream).value;
  }

  const kernel: Kernel = {
    R,
    S,
    D,
    T,
    rates: buildRateMatrix(model),
    uplift: 1 + model.settings.contingency.value,
    drivers,
    shares,
    routing,
    streamOfRow,
    routedRows,
    seriesOfRow,
    dmcLoads: new Float64Array(R * HOURS),
    byDmc,
    bySeries,
    providerHourly,
  };
  for (let ph = 0; ph < P; ph++) {
    for (let d = 0; d < D; d++) deriveDmc(kernel, ph, d);
  }
  addStreams(series, P, R, bySeries, byStream);
  const partial = { phaseCount: P, providerCount: R, dmcCount: D, series, providerHourly, byDmc, bySeries, byStream };
  return { ...partial, summaries: checkLevels(model, partial) };
}

function zeroedOfLength(allocate: (length: number) => Float64Array, length: number): Float64Array {
  const array = allocate(length);
  if (array.length !== length) throw new Error(`internal error: allocateDmcSeries gave ${array.length} figures for ${length}`);
  return array;
}

/** The derivation's inputs and accumulators, flat, as the per-DMC step reads them. */
interface Kernel {
  readonly R: number;
  readonly S: number;
  readonly D: number;
  readonly T: number;
  /** buildRateMatrix: [dmc][row], NaN where the row does not apply. */
  readonly rates: Float64Array;
  /** 1 + Contingency. */
  readonly uplift: number;
  /** [phase][dmc][stream]: the driver of each stream. */
  readonly drivers: Float64Array;
  /** [row][hour]: the row's profile. */
  readonly shares: Float64Array;
  /** [row][provider]: the row's routing. */
  readonly routing: Float64Array;
  readonly streamOfRow: Int32Array;
  /** Per row, the providers it routes a non-zero share to. */
  readonly routedRows: readonly (readonly number[])[];
  readonly seriesOfRow: Int32Array;
  /** One DMC's series on every provider, summed over its rows (scratch, [provider][hour]). */
  readonly dmcLoads: Float64Array;
  readonly byDmc: Float64Array | null;
  readonly bySeries: Float64Array;
  readonly providerHourly: Float64Array;
}

/**
 * One DMC in one phase: its rows' loads summed into its series on every provider (copied into
 * byDmc when kept) and into the transaction series, then added to the providers' hours, DMC
 * by DMC, as the provider figure is explained. A function of its own, called once per (phase,
 * DMC), so V8 optimises it after a few calls instead of replacing a long-running loop mid-way
 * (on-stack replacement, which also deoptimised on the code after the loop).
 */
function deriveDmc(k: Kernel, ph: number, d: number): void {
  const { R, S, T, rates, drivers, streamOfRow, routedRows, seriesOfRow, shares, routing, dmcLoads, bySeries } = k;
  dmcLoads.fill(0);
  const dBase = (ph * k.D + d) * STREAMS.length;
  for (let i = 0; i < T; i++) {
    const rate = rates[d * T + i] as number;
    if (Number.isNaN(rate)) continue;
    const driver = drivers[dBase + (streamOfRow[i] as number)] as number;
    // Formula order of spec 3: driver × rate × (1 + Contingency), then × share × route.
    const daily = driver * rate * k.uplift;
    if (daily === 0) continue;
    const providers = routedRows[i] as readonly number[];
    const s = seriesOfRow[i] as number;
    for (let j = 0; j < providers.length; j++) {
      const p = providers[j] as number;
      addLoads(daily, shares, i * HOURS, routing[i * R + p] as number, dmcLoads, p * HOURS, bySeries, seriesOffset(R, S, ph, p, s));
    }
  }
  const { providerHourly, byDmc } = k;
  for (let p = 0; p < R; p++) {
    const total = seriesOffset(R, 1, ph, p, 0);
    for (let h = 0; h < HOURS; h++) providerHourly[total + h] = (providerHourly[total + h] as number) + (dmcLoads[p * HOURS + h] as number);
    if (byDmc) byDmc.set(dmcLoads.subarray(p * HOURS, (p + 1) * HOURS), seriesOffset(R, k.D, ph, p, d));
  }
}

/** A series has one stream, so streams are sums of series (for charts; any order will do). */
function addStreams(series: readonly { readonly stream: (typeof STREAMS)[number] }[], P: number, R: number, bySeries: Float64Array, byStream: Float64Array): void {
  const S = series.length;
  for (let ph = 0; ph < P; ph++) {
    for (let p = 0; p < R; p++) {
      for (let s = 0; s < S; s++) {
        const st = STREAM_INDEX[(series[s] as (typeof series)[number]).stream];
        const from = seriesOffset(R, S, ph, p, s);
        const to = seriesOffset(R, STREAMS.length, ph, p, st);
        for (let h = 0; h < HOURS; h++) byStream[to + h] = (byStream[to + h] as number) + (bySeries[from + h] as number);
      }
    }
  }
}
