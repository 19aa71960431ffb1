import { allocateSeries, seriesOffset, STREAM_INDEX, type Results, type TransactionSeries } from "../model/results";
import { HOURS, STREAMS, type VolumeModel } from "../model/types";
import { checkLevels } from "../check/check-levels";
import { driverOf } from "./driver-of";
import { buildTransactionSeries } from "./transaction-series";

/**
 * The rate of each (DMC, transaction row): the override where one exists, else the row's
 * Rate; NaN where the row does not apply to the DMC's generation. Row-major [dmc][row].
 */
export function buildRateMatrix(model: VolumeModel, allocate: (length: number) => Float64Array = (length) => new Float64Array(length)): Float64Array {
  const T = model.transactions.length;
  const rates = allocate(model.dmcs.length * T);
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
  /**
   * Makes the plan's large arrays (zeroed, of the length asked): the rate matrix, the drivers,
   * and those the phases are derived into (every DMC's series unless `allocateDmcSeries` is
   * given, the transaction series, the providers' hours). The CLI lends shared memory so
   * that a second thread derives some of the phases without a copy of the inputs.
   */
  readonly allocate?: (length: number) => Float64Array;
  /**
   * Derives one phase in place of the engine's loop (the CLI's native one; see PhaseDeriver).
   * Default: the engine's own.
   */
  readonly phaseDeriver?: PhaseDeriver;
}

/**
 * A faster derivation of one phase (the CLI's native one, src/cli/native-addon.ts): what
 * `derivePhase` does with the plan's arrays, giving the same bits — every figure the same
 * IEEE double expression, summed in the same order. `shape` is [P, R, D, T, S, uplift, ph];
 * the arrays are the plan's (`byDmc` null when not kept).
 */
export type PhaseDeriver = (
  shape: Float64Array,
  rates: Float64Array,
  drivers: Float64Array,
  shares: Float64Array,
  routing: Float64Array,
  streamOfRow: Int32Array,
  seriesOfRow: Int32Array,
  routedFrom: Int32Array,
  routed: Int32Array,
  byDmc: Float64Array | null,
  bySeries: Float64Array,
  providerHourly: Float64Array,
) => void;

/**
 * Daily volumes -> hourly transactions per provider, per DMC, per transaction series and per
 * stream (spec section 3). Summation order is fixed so that every figure is the exact
 * left-to-right sum of the terms `explain` lists: loads over rows (table order) for a DMC
 * series, loads over DMCs for a transaction series, DMC series over DMCs for a provider hour.
 * Phases are independent: `planDerivation`, `derivePhase` for each phase in any order, on any
 * thread, then `finishDerivation` give the same bits (what the CLI does on two threads).
 * @example const results = deriveRates(model); summaryOf(results, 0, 0).status // "PASS"
 */
export function deriveRates(model: VolumeModel, options: DeriveOptions = {}): Results {
  const plan = planDerivation(model, options);
  for (let ph = 0; ph < plan.P; ph++) derivePhase(plan, ph, options.phaseDeriver);
  return finishDerivation(model, plan);
}

/**
 * A derivation as plain data (typed arrays and numbers: it can be posted to another
 * thread): its inputs, flattened so the hot loop touches typed arrays only, and the
 * accumulators the phases are derived into.
 */
export interface DerivationPlan {
  readonly P: number;
  readonly R: number;
  readonly D: number;
  readonly T: number;
  readonly S: number;
  /** The transaction series of rates-by-transaction (buildTransactionSeries). */
  readonly series: readonly TransactionSeries[];
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
  readonly seriesOfRow: Int32Array;
  /** Row i routes a non-zero share to providers `routed[routedFrom[i] … routedFrom[i+1])`. */
  readonly routedFrom: Int32Array;
  readonly routed: Int32Array;
  /** [phase][provider][dmc][hour], or null when every DMC's series is not kept. */
  readonly byDmc: Float64Array | null;
  /** [phase][provider][series][hour]. */
  readonly bySeries: Float64Array;
  /** [phase][provider][hour]. */
  readonly providerHourly: Float64Array;
}

/** The inputs of a derivation laid out flat, and its accumulators (zeroed). */
export function planDerivation(model: VolumeModel, options: DeriveOptions = {}): DerivationPlan {
  const P = model.phases.length;
  const R = model.providers.length;
  const D = model.dmcs.length;
  const T = model.transactions.length;
  const { series, seriesOfRow } = buildTransactionSeries(model.transactions);
  const S = series.length;
  const allocate = (length: number, by = options.allocate): Float64Array => (by ? zeroedOfLength(by, length) : new Float64Array(length));
  const shares = new Float64Array(T * HOURS);
  const routing = new Float64Array(T * R);
  const streamOfRow = new Int32Array(T);
  const routedFrom = new Int32Array(T + 1);
  const routed: number[] = [];
  model.transactions.forEach((t, i) => {
    const profile = model.profiles[t.profile];
    for (let h = 0; h < HOURS; h++) shares[i * HOURS + h] = profile?.shares[h]?.value ?? 0;
    for (let p = 0; p < R; p++) {
      const share = t.routing[p]?.value ?? 0;
      routing[i * R + p] = share;
      if (share !== 0) routed.push(p);
    }
    routedFrom[i + 1] = routed.length;
    streamOfRow[i] = STREAM_INDEX[t.stream];
  });
  const drivers = allocate(P * D * STREAMS.length);
  for (const v of model.volumes) {
    const base = (v.phase * D + v.dmc) * STREAMS.length;
    for (const stream of STREAMS) drivers[base + STREAM_INDEX[stream]] = driverOf(v, stream).value;
  }
  return {
    P,
    R,
    D,
    T,
    S,
    series,
    rates: buildRateMatrix(model, allocate),
    uplift: 1 + model.settings.contingency.value,
    drivers,
    shares,
    routing,
    streamOfRow,
    seriesOfRow,
    routedFrom,
    routed: Int32Array.from(routed),
    byDmc: options.dmcSeries === false ? null : allocate(P * R * D * HOURS, options.allocateDmcSeries ?? options.allocate),
    bySeries: allocate(P * R * S * HOURS),
    providerHourly: allocate(P * R * HOURS),
  };
}

function zeroedOfLength(allocate: (length: number) => Float64Array, length: number): Float64Array {
  const array = allocate(length);
  if (array.length !== length) throw new Error(`internal error: an allocator gave ${array.length} figures for ${length}`);
  return array;
}

/**
 * Every DMC of phase `ph`, DMC by DMC: only that phase's part of the accumulators is
 * written, so two threads may derive different phases of one plan at once. With a
 * `deriver`, it does the work (the same bits).
 */
export function derivePhase(plan: DerivationPlan, ph: number, deriver?: PhaseDeriver): void {
  if (deriver) {
    const { P, R, D, T, S, uplift } = plan;
    deriver(Float64Array.of(P, R, D, T, S, uplift, ph), plan.rates, plan.drivers, plan.shares, plan.routing, plan.streamOfRow, plan.seriesOfRow, plan.routedFrom, plan.routed, plan.byDmc, plan.bySeries, plan.providerHourly);
    return;
  }
  const dmcLoads = new Float64Array(plan.R * HOURS);
  for (let d = 0; d < plan.D; d++) deriveDmc(plan, dmcLoads, ph, d);
}

/** Zeroes phase `ph`'s part of the accumulators (before deriving it again). */
export function clearPhase(plan: DerivationPlan, ph: number): void {
  const { R, D, S } = plan;
  plan.byDmc?.fill(0, seriesOffset(R, D, ph, 0, 0), seriesOffset(R, D, ph + 1, 0, 0));
  plan.bySeries.fill(0, seriesOffset(R, S, ph, 0, 0), seriesOffset(R, S, ph + 1, 0, 0));
  plan.providerHourly.fill(0, seriesOffset(R, 1, ph, 0, 0), seriesOffset(R, 1, ph + 1, 0, 0));
}

/** The results of a plan whose every phase is derived: streams summed, levels checked. */
export function finishDerivation(model: VolumeModel, plan: DerivationPlan): Results {
  const { P, R, D, series, byDmc, bySeries, providerHourly } = plan;
  const byStream = allocateSeries(P, R, STREAMS.length);
  addStreams(series, P, R, bySeries, byStream);
  const partial = { phaseCount: P, providerCount: R, dmcCount: D, series, providerHourly, byDmc, bySeries, byStream };
  return { ...partial, summaries: checkLevels(model, partial) };
}

/**
 * One DMC in one phase: its rows' loads summed into its series on every provider (copied into
 * byDmc when kept) and into the transaction series, then added to the providers' hours, DMC
 * by DMC, as the provider figure is explained. A function of its own, called once per (phase,
 * DMC), so V8 optimises it after a few calls instead of replacing a long-running loop mid-way
 * (on-stack replacement, which also deoptimised on the code after the loop).
 */
function deriveDmc(plan: DerivationPlan, dmcLoads: Float64Array, ph: number, d: number): void {
  const { R, S, T, rates, drivers, streamOfRow, routedFrom, routed, seriesOfRow, shares, routing, bySeries, uplift } = plan;
  dmcLoads.fill(0);
  const dBase = (ph * plan.D + d) * STREAMS.length;
  for (let i = 0; i < T; i++) {
    const rate = rates[d * T + i] as number;
    if (Number.isNaN(rate)) continue;
    const driver = drivers[dBase + (streamOfRow[i] as number)] as number;
    // Formula order of spec 3: driver × rate × (1 + Contingency), then × share × route.
    const daily = driver * rate * uplift;
    if (daily === 0) continue;
    const s = seriesOfRow[i] as number;
    const last = routedFrom[i + 1] as number;
    for (let j = routedFrom[i] as number; j < last; j++) {
      const p = routed[j] as number;
      addLoads(daily, shares, i * HOURS, routing[i * R + p] as number, dmcLoads, p * HOURS, bySeries, seriesOffset(R, S, ph, p, s));
    }
  }
  const { providerHourly, byDmc } = plan;
  for (let p = 0; p < R; p++) {
    const total = seriesOffset(R, 1, ph, p, 0);
    for (let h = 0; h < HOURS; h++) providerHourly[total + h] = (providerHourly[total + h] as number) + (dmcLoads[p * HOURS + h] as number);
    if (byDmc) byDmc.set(dmcLoads.subarray(p * HOURS, (p + 1) * HOURS), seriesOffset(R, plan.D, ph, p, d));
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
