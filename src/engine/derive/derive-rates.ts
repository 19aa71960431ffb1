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

/** One row's 24 loads on one provider, added to the DMC's hours and the series' hours. */
function addLoads(daily: number, shares: Float64Array, shareBase: number, route: number, dmcLoads: Float64Array, dmcBase: number, bySeries: Float64Array, seriesBase: number): void {
  for (let h = 0; h < HOURS; h++) {
    const load = daily * (shares[shareBase + h] as number) * route;
    dmcLoads[dmcBase + h] = (dmcLoads[dmcBase + h] as number) + load;
    bySeries[seriesBase + h] = (bySeries[seriesBase + h] as number) + load;
  }
}

export interface DeriveOptions {
  /**
   * Keep every DMC's 24-hour series (rates-by-dmc, explain); default true. Without them a
   * huge model needs a fraction of the memory, and every other figure is the same, bit for bit.
   */
  readonly dmcSeries?: boolean;
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
  const byDmc = options.dmcSeries === false ? null : allocateSeries(P, R, D);
  // One DMC's series on every provider, summed over its rows: copied into byDmc (when kept)
  // and added to the provider's hours, DMC by DMC, as the provider figure is explained.
  const dmcLoads = new Float64Array(R * HOURS);
  const bySeries = allocateSeries(P, R, S);
  const byStream = allocateSeries(P, R, STREAMS.length);
  const providerHourly = allocateSeries(P, R, 1);
  const rates = buildRateMatrix(model);
  const uplift = 1 + model.settings.contingency.value;

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

  for (let ph = 0; ph < P; ph++) {
    for (let d = 0; d < D; d++) {
      dmcLoads.fill(0);
      const dBase = (ph * D + d) * STREAMS.length;
      for (let i = 0; i < T; i++) {
        const rate = rates[d * T + i] as number;
        if (Number.isNaN(rate)) continue;
        const driver = drivers[dBase + (streamOfRow[i] as number)] as number;
        // Formula order of spec 3: driver × rate × (1 + Contingency), then × share × route.
        const daily = driver * rate * uplift;
        if (daily === 0) continue;
        const providers = routedRows[i] as number[];
        const s = seriesOfRow[i] as number;
        for (let k = 0; k < providers.length; k++) {
          const p = providers[k] as number;
          addLoads(daily, shares, i * HOURS, routing[i * R + p] as number, dmcLoads, p * HOURS, bySeries, seriesOffset(R, S, ph, p, s));
        }
      }
      for (let p = 0; p < R; p++) {
        const total = seriesOffset(R, 1, ph, p, 0);
        for (let h = 0; h < HOURS; h++) providerHourly[total + h] = (providerHourly[total + h] as number) + (dmcLoads[p * HOURS + h] as number);
        if (byDmc) byDmc.set(dmcLoads.subarray(p * HOURS, (p + 1) * HOURS), seriesOffset(R, D, ph, p, d));
      }
    }
  }
  // A series has one stream, so streams are sums of series (for charts; any order will do).
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
  const partial = { phaseCount: P, providerCount: R, dmcCount: D, series, providerHourly, byDmc, bySeries, byStream };
  return { ...partial, summaries: checkLevels(model, partial) };
}
