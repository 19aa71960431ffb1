/**
 * Hybrid models for attribution: each input group taken from the baseline or from the
 * model, matched by name, so the engine's own derivation can price every mix of the two.
 * DMCs, transaction rows, profiles and providers may exist on one side only.
 */
import { foldKey } from "../parse/cell-values";
import type { Dmc, Generation, Override, Phase, Profile, Provider, Sourced, Stream, TransactionGeneration, TransactionRow, VolumeModel, VolumeRow } from "../model/types";
import { HOURS } from "../model/types";
import { INPUT_GROUPS, type InputGroup } from "./compare-types";

/** One workbook's side of a comparison: its model and the phase compared. */
export interface Side {
  readonly model: VolumeModel;
  readonly phase: number;
}

interface RowInputs {
  readonly stream: Stream;
  readonly rate: number;
}

/** Each group's inputs of one side, keyed by folded names. */
interface SideInputs {
  readonly generation: ReadonlyMap<string, Generation>;
  /** dmc -> [population, migrations, installs] in the compared phase. */
  readonly volumes: ReadonlyMap<string, readonly [number, number, number]>;
  readonly rows: ReadonlyMap<string, RowInputs>;
  /** `dmc \0 row` -> rate. */
  readonly overrides: ReadonlyMap<string, number>;
  readonly profiles: ReadonlyMap<string, { readonly name: string; readonly shares: readonly number[] }>;
  /** row -> provider -> messages. */
  readonly routing: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly contingency: number;
  readonly burstFactor: number;
}

/** The union of names over both sides: model order first, then what only the baseline has. */
export interface HybridFrame {
  readonly providers: readonly { readonly key: string; readonly name: string }[];
  readonly dmcs: readonly { readonly key: string; readonly name: string }[];
  readonly rows: readonly { readonly key: string; readonly name: string; readonly generation: TransactionGeneration; readonly profileName: string }[];
  readonly baseline: SideInputs;
  readonly model: SideInputs;
  readonly phaseName: string;
}

const rowKey = (name: string, generation: TransactionGeneration): string => `${foldKey(name)}\u0000${generation}`;
const num = (value: number): Sourced<number> => ({ value, cell: "" });

function readSide(side: Side): SideInputs {
  const m = side.model;
  const dmcKey = (d: number): string => foldKey(m.dmcs[d]?.name ?? "");
  const volumes = new Map<string, readonly [number, number, number]>();
  for (const v of m.volumes) {
    if (v.phase === side.phase) volumes.set(dmcKey(v.dmc), [v.population.value, v.migrationsPerDay.value, v.installsPerDay.value]);
  }
  const rows = new Map<string, RowInputs>();
  const profiles = new Map<string, { name: string; shares: number[] }>();
  const routing = new Map<string, Map<string, number>>();
  for (const t of m.transactions) {
    const key = rowKey(t.name, t.generation);
    rows.set(key, { stream: t.stream, rate: t.rate.value });
    const profile = m.profiles[t.profile];
    profiles.set(key, { name: profile?.name ?? "", shares: profile ? profile.shares.map((s) => s.value) : new Array<number>(HOURS).fill(0) });
    const routes = new Map<string, number>();
    m.providers.forEach((p, i) => routes.set(foldKey(p.name), t.routing[i]?.value ?? 0));
    routing.set(key, routes);
  }
  const overrides = new Map<string, number>();
  for (const o of m.overrides) {
    const t = m.transactions[o.transaction];
    if (t) overrides.set(`${dmcKey(o.dmc)}\u0000${rowKey(t.name, t.generation)}`, o.rate.value);
  }
  return {
    generation: new Map(m.dmcs.map((d) => [foldKey(d.name), d.generation])),
    volumes,
    rows,
    overrides,
    profiles,
    routing,
    contingency: m.settings.contingency.value,
    burstFactor: m.settings.burstFactor.value,
  };
}

function union<T>(first: readonly T[], second: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set(first.map(key));
  return [...first, ...second.filter((t) => !seen.has(key(t)))];
}

/** Reads both sides once; `assembleHybrid` then mixes them per coalition. */
export function buildHybridFrame(baseline: Side, model: Side): HybridFrame {
  const named = <T extends { name: string }>(xs: readonly T[]): { key: string; name: string }[] => xs.map((x) => ({ key: foldKey(x.name), name: x.name }));
  const rowsOf = (m: VolumeModel): HybridFrame["rows"][number][] =>
    m.transactions.map((t) => ({ key: rowKey(t.name, t.generation), name: t.name, generation: t.generation, profileName: m.profiles[t.profile]?.name ?? "" }));
  return {
    providers: union(named(model.model.providers), named(baseline.model.providers), (x) => x.key),
    dmcs: union(named(model.model.dmcs), named(baseline.model.dmcs), (x) => x.key),
    rows: union(rowsOf(model.model), rowsOf(baseline.model), (x) => x.key),
    baseline: readSide(baseline),
    model: readSide(model),
    phaseName: model.model.phases[model.phase]?.name ?? "",
  };
}

/** Bit g of a coalition set = group `INPUT_GROUPS[g]` taken from the model. */
export function groupFromModel(coalition: number, group: InputGroup): boolean {
  return (coalition & (1 << INPUT_GROUPS.indexOf(group))) !== 0;
}

/**
 * The one-phase model in which each group comes from the model when its bit is set in
 * `coalition`, else from the baseline. Where a row or DMC exists on one side only, the
 * missing side counts as: no volumes, rate 0 (so an added transaction is a change of
 * rate), and the other side's generation, stream, profile and routing. Each transaction
 * row keeps its own name so every row is its own series in the results.
 * With coalition 31 the result derives exactly the model's figures for its phase.
 */
export function assembleHybrid(frame: HybridFrame, coalition: number): VolumeModel {
  const pick = (g: InputGroup): [SideInputs, SideInputs] =>
    groupFromModel(coalition, g) ? [frame.model, frame.baseline] : [frame.baseline, frame.model];
  const [vol, volOther] = pick("volumes");
  const [rat, ratOther] = pick("rates");
  const [pro, proOther] = pick("profiles");
  const [rou, rouOther] = pick("routing");
  const [set] = pick("settings");

  const phase: Phase = { name: frame.phaseName, startDate: 0, endDate: 0, description: "", cell: "" };
  const providers: Provider[] = frame.providers.map((p) => ({ name: p.name, description: "", cell: "" }));
  const dmcs: Dmc[] = frame.dmcs.map((d) => ({
    name: d.name,
    generation: vol.generation.get(d.key) ?? volOther.generation.get(d.key) ?? "SMETS1",
    description: "",
    attributes: {},
    cell: "",
  }));
  const volumes: VolumeRow[] = [];
  frame.dmcs.forEach((d, i) => {
    const v = vol.volumes.get(d.key);
    if (v) volumes.push({ phase: 0, dmc: i, population: num(v[0]), migrationsPerDay: num(v[1]), installsPerDay: num(v[2]) });
  });
  const profiles: Profile[] = [];
  const transactions: TransactionRow[] = frame.rows.map((r, i) => {
    const rates = rat.rows.get(r.key);
    const stream = rates?.stream ?? (ratOther.rows.get(r.key) as RowInputs).stream;
    const profile = pro.profiles.get(r.key) ?? proOther.profiles.get(r.key);
    profiles.push({ name: `${i}`, shares: (profile?.shares ?? []).map(num), cell: "" });
    const routes = rou.routing.get(r.key) ?? rouOther.routing.get(r.key);
    return {
      name: `${i}`,
      generation: r.generation,
      stream,
      rate: num(rates?.rate ?? 0),
      profile: i,
      routing: frame.providers.map((p) => num(routes?.get(p.key) ?? 0)),
      description: "",
      cell: "",
    };
  });
  const dmcIndex = new Map(frame.dmcs.map((d, i) => [d.key, i]));
  const rowIndex = new Map(frame.rows.map((r, i) => [r.key, i]));
  const overrides: Override[] = [];
  for (const [key, rate] of rat.overrides) {
    const [dKey = "", ...rest] = key.split("\u0000");
    const d = dmcIndex.get(dKey);
    const t = rowIndex.get(rest.join("\u0000"));
    if (d === undefined || t === undefined) continue;
    // A DMC whose generation differs between the sides: keep the override only where it applies.
    const row = frame.rows[t];
    if (row && row.generation !== "All" && row.generation !== dmcs[d]?.generation) continue;
    overrides.push({ dmc: d, transaction: t, rate: num(rate) });
  }
  return {
    settings: {
      contingency: num(set.contingency),
      burstFactor: num(set.burstFactor),
      tolerance: num(0.1),
      modelName: { value: "", cell: "" },
      modelVersion: { value: "", cell: "" },
    },
    phases: [phase],
    providers,
    dmcs,
    volumes,
    transactions,
    overrides,
    profiles,
    levels: [],
  };
}
