import { buildRateMatrix } from "../derive/derive-rates";
import { driverOf } from "../derive/driver-of";
import { dmcSeries, hourlyOf, transactionSeries, type Results } from "../model/results";
import { HOUR_COLUMNS } from "../model/tables";
import { HOURS, type VolumeModel } from "../model/types";
import { foldKey } from "../parse/cell-values";
import { formatNumber } from "../output/format-csv";

/** An input value with the cell it came from ("" for a default or an absent row). */
export interface ExplainInput {
  readonly name: string;
  readonly value: number;
  readonly table: string;
  readonly cell: string;
}

/** One term of a figure; nested `terms` sum (left to right) exactly to `value`. */
export interface ExplainTerm {
  readonly label: string;
  readonly value: number;
  readonly dmc?: string;
  readonly transaction?: string;
  readonly generation?: string;
  readonly stream?: string;
  /** The arithmetic with the input values, e.g. `1000 × 2 × (1 + 0.1) × 0.05 × 1 = 110`. */
  readonly arithmetic?: string;
  readonly inputs?: readonly ExplainInput[];
  readonly terms?: readonly ExplainTerm[];
}

export interface Explanation {
  /** Which output figure: its CSV file and column. */
  readonly figure: string;
  readonly phase: string;
  readonly provider: string;
  readonly hour?: number;
  readonly dmc?: string;
  readonly transaction?: string;
  readonly field?: SummaryField;
  readonly value: number;
  readonly unit: string;
  /** The formula in words. */
  readonly formula: string;
  /** Terms whose values sum, left to right, exactly to `value`. */
  readonly terms: readonly ExplainTerm[];
}

export interface HourQuery {
  readonly phase: string;
  readonly provider: string;
  readonly hour: number;
  readonly dmc?: string;
  readonly transaction?: string;
  /** With `transaction`: only the series of this stream (rates-by-transaction rows). */
  readonly stream?: string;
}

export type SummaryField =
  | "daily_total"
  | "peak_per_hour"
  | "peak_per_second"
  | "required_per_hour"
  | "required_per_second"
  | "utilisation";

export interface ExplainError {
  readonly error: string;
}

const LOAD_FORMULA = "driver × rate × (1 + Contingency) × share(hour) × messages per transaction";

function findName(names: readonly { name: string }[], wanted: string): number {
  const key = foldKey(wanted);
  return names.findIndex((n) => foldKey(n.name) === key);
}

export function resolve(model: VolumeModel, phase: string, provider: string): { ph: number; p: number } | ExplainError {
  const ph = findName(model.phases, phase);
  if (ph < 0) return { error: `unknown phase ${JSON.stringify(phase)}; expected one of ${model.phases.map((x) => x.name).join(", ")}` };
  const p = findName(model.providers, provider);
  if (p < 0) return { error: `unknown provider ${JSON.stringify(provider)}; expected one of ${model.providers.map((x) => x.name).join(", ")}` };
  return { ph, p };
}

/** What explaining loads needs, indexed once per explanation. */
interface LoadIndex {
  readonly model: VolumeModel;
  readonly rates: Float64Array;
  readonly volumes: ReadonlyMap<number, VolumeModel["volumes"][number]>;
  readonly overrides: ReadonlyMap<number, VolumeModel["overrides"][number]>;
}

function indexLoads(model: VolumeModel): LoadIndex {
  const D = model.dmcs.length;
  const T = model.transactions.length;
  return {
    model,
    rates: buildRateMatrix(model),
    volumes: new Map(model.volumes.map((v) => [v.phase * D + v.dmc, v])),
    overrides: new Map(model.overrides.map((o) => [o.dmc * T + o.transaction, o])),
  };
}

/** Explains load(P, d, t, p, h): one product with every input and its cell. */
function explainLoad(index: LoadIndex, ph: number, d: number, i: number, p: number, h: number): ExplainTerm | undefined {
  const { model, rates } = index;
  const T = model.transactions.length;
  const rate = rates[d * T + i] as number;
  if (Number.isNaN(rate)) return undefined;
  const dmc = model.dmcs[d];
  const t = model.transactions[i];
  if (!dmc || !t) return undefined;
  const volume = index.volumes.get(ph * model.dmcs.length + d);
  const { column: driverName, value: driver, cell: driverCell } = driverOf(volume, t.stream);
  const override = index.overrides.get(d * T + i);
  const contingency = model.settings.contingency;
  const profile = model.profiles[t.profile];
  const share = profile?.shares[h];
  const route = t.routing[p];
  const uplift = 1 + contingency.value;
  const daily = driver * rate * uplift;
  const value = daily * (share?.value ?? 0) * (route?.value ?? 0);
  const hh = HOUR_COLUMNS[h] ?? "";
  const inputs: ExplainInput[] = [
    { name: `driver (${driverName})`, value: driver, table: "Volumes", cell: driverCell },
    override
      ? { name: "rate (override)", value: rate, table: "Overrides", cell: override.rate.cell }
      : { name: "rate", value: rate, table: "Transactions", cell: t.rate.cell },
    { name: "Contingency", value: contingency.value, table: "Settings", cell: contingency.cell },
    { name: `share ${hh} of ${profile?.name ?? ""}`, value: share?.value ?? 0, table: "Profiles", cell: share?.cell ?? "" },
    { name: `messages on ${model.providers[p]?.name ?? ""}`, value: route?.value ?? 0, table: "Transactions", cell: route?.cell ?? "" },
  ];
  const n = formatNumber;
  return {
    label: `${t.name} (${t.generation}, ${t.stream}) for ${dmc.name}`,
    value,
    dmc: dmc.name,
    transaction: t.name,
    generation: t.generation,
    stream: t.stream,
    arithmetic: `${n(driver)} × ${n(rate)} × (1 + ${n(contingency.value)}) × ${n(share?.value ?? 0)} × ${n(route?.value ?? 0)} = ${n(value)}`,
    inputs,
  };
}

function loadsForDmc(index: LoadIndex, ph: number, d: number, p: number, h: number, rows?: readonly number[]): ExplainTerm[] {
  const out: ExplainTerm[] = [];
  for (const i of rows ?? index.model.transactions.keys()) {
    const term = explainLoad(index, ph, d, i, p, h);
    if (term && term.value !== 0) out.push(term);
  }
  return out;
}

/**
 * Explains a figure of provider-hourly (no dmc, no transaction), rates-by-dmc (dmc),
 * rates-by-transaction (transaction) or a single load (both).
 * @example explainHour(model, results, { phase: "IOC", provider: "DSP", hour: 2 }).terms
 */
export function explainHour(model: VolumeModel, results: Results, q: HourQuery): Explanation | ExplainError {
  const at = resolve(model, q.phase, q.provider);
  if ("error" in at) return at;
  const { ph, p } = at;
  if (!Number.isInteger(q.hour) || q.hour < 0 || q.hour >= HOURS) return { error: `hour must be a whole number 0–23; got ${q.hour}` };
  const h = q.hour;
  const index = indexLoads(model);
  const D = model.dmcs.length;
  const head = { phase: model.phases[ph]?.name ?? q.phase, provider: model.providers[p]?.name ?? q.provider, hour: h, unit: "transactions/hour" };
  let d: number | undefined;
  if (q.dmc !== undefined) {
    d = findName(model.dmcs, q.dmc);
    if (d < 0) return { error: `unknown DMC ${JSON.stringify(q.dmc)}` };
  }
  let seriesIdx: number[] | undefined;
  if (q.transaction !== undefined) {
    const key = foldKey(q.transaction);
    const stream = q.stream === undefined ? undefined : foldKey(q.stream);
    seriesIdx = results.series.flatMap((s, k) => (foldKey(s.name) === key && (stream === undefined || foldKey(s.stream) === stream) ? [k] : []));
    if (seriesIdx.length === 0) return { error: `unknown transaction ${JSON.stringify(q.transaction)}` };
  }
  if (d !== undefined && seriesIdx !== undefined) {
    const rows = seriesIdx.flatMap((k) => results.series[k]?.rows ?? []).sort((a, b) => a - b);
    const terms = loadsForDmc(index, ph, d, p, h, rows);
    const value = terms.reduce((s, t) => s + t.value, 0);
    return { ...head, figure: "load", dmc: model.dmcs[d]?.name, transaction: results.series[seriesIdx[0] as number]?.name, value, formula: LOAD_FORMULA, terms };
  }
  if (d !== undefined) {
    const dmcIndex = d;
    const value = dmcSeries(results, ph, p, dmcIndex)[h] as number;
    return {
      ...head,
      figure: "rates-by-dmc.csv per_hour",
      dmc: model.dmcs[dmcIndex]?.name,
      value,
      formula: `Σ over transactions of ${LOAD_FORMULA}`,
      terms: loadsForDmc(index, ph, dmcIndex, p, h),
    };
  }
  if (seriesIdx !== undefined) {
    const seriesTerms: ExplainTerm[] = seriesIdx.map((k) => {
      const series = results.series[k];
      const terms: ExplainTerm[] = [];
      for (let dd = 0; dd < D; dd++) terms.push(...loadsForDmc(index, ph, dd, p, h, series?.rows));
      return { label: `${series?.name ?? ""} (${series?.stream ?? ""})`, value: transactionSeries(results, ph, p, k)[h] as number, transaction: series?.name, stream: series?.stream, terms };
    });
    const only = seriesTerms.length === 1 ? seriesTerms[0] : undefined;
    const value = seriesTerms.reduce((s, t) => s + t.value, 0);
    return {
      ...head,
      figure: "rates-by-transaction.csv per_hour",
      transaction: results.series[seriesIdx[0] as number]?.name,
      value,
      formula: `Σ over DMCs of ${LOAD_FORMULA}`,
      terms: only ? (only.terms ?? []) : seriesTerms,
    };
  }
  const terms: ExplainTerm[] = [];
  for (let dd = 0; dd < D; dd++) {
    const v = dmcSeries(results, ph, p, dd)[h] as number;
    if (v === 0) continue;
    terms.push({ label: `DMC ${model.dmcs[dd]?.name ?? ""}`, value: v, dmc: model.dmcs[dd]?.name, terms: loadsForDmc(index, ph, dd, p, h) });
  }
  return {
    ...head,
    figure: "provider-hourly.csv per_hour",
    value: hourlyOf(results, ph, p)[h] as number,
    formula: `Σ over DMCs of (Σ over transactions of ${LOAD_FORMULA})`,
    terms,
  };
}
