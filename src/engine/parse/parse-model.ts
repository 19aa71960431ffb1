import type { WorkbookGrids } from "../model/grid";
import type { Issue } from "../model/issue";
import type { Dmc, Override, PerformanceLevel, Phase, Profile, Sourced, TransactionRow, VolumeModel, VolumeRow } from "../model/types";
import type { ParseState } from "../validate/rule";
import { RULES } from "../validate/rules";
import { RuleRunner } from "../validate/run-rules";
import { Registry, type DmcDraft, type PhaseDraft, type ProfileDraft, type ProviderDraft } from "./drafts";
import { IssueSink } from "./issue-sink";
import { REQUIRED_TABLES, requiredColumns, TABLE_NAMES, type TableName } from "../model/tables";
import { locateTable } from "./locate-tables";
import { definesNames, parseDmcs, parsePhases, parseProviders } from "./parse-catalogues";
import { parseProfiles } from "./parse-profiles";
import { parseSettings } from "./parse-settings";
import { parseTransactions } from "./parse-transactions";
import { parseLevels, parseOverrides, parseVolumes } from "./parse-volumes";
import { openTable, type TableView } from "./table-view";


export interface ParseResult {
  /** Undefined when any error was found. */
  readonly model: VolumeModel | undefined;
  readonly issues: readonly Issue[];
}

/**
 * Grids -> model + issues: the one place where cells become a model. Never throws on
 * any grid; every problem is an issue at its cell.
 * @example const { model, issues } = parseModel(grids);
 */
export function parseModel(grids: WorkbookGrids): ParseResult {
  const sink = new IssueSink();
  const views = openViews(grids, sink);
  // Filled table by table; the rules see the tables read before the one they check.
  const state: { -readonly [K in keyof ParseState]: ParseState[K] } = {
    views,
    phases: new Registry<PhaseDraft>(definesNames(views.Phases, "Phase")),
    providers: new Registry<ProviderDraft>(definesNames(views.Providers, "Provider")),
    dmcs: new Registry<DmcDraft>(definesNames(views.DMCs, "DMC")),
    profiles: new Registry<ProfileDraft>(definesNames(views.Profiles, "Profile")),
    transactions: { known: false, rows: [] },
    volumes: [],
    overrides: [],
  };
  const rules = new RuleRunner(RULES, state, sink);
  const settings = parseSettings(views.Settings, sink, rules);
  const { phases, providers, dmcs, profiles } = state;
  parsePhases(views.Phases, phases, sink, rules);
  parseProviders(views.Providers, providers, sink, rules);
  parseDmcs(views.DMCs, dmcs, sink, rules);
  parseProfiles(views.Profiles, profiles, sink, rules);
  const transactions = parseTransactions(views.Transactions, providers, profiles, sink, rules);
  state.transactions = transactions;
  const volumes = parseVolumes(views.Volumes, phases, dmcs, sink, rules);
  state.volumes = volumes;
  const overrides = parseOverrides(views.Overrides, dmcs, transactions, sink, rules);
  state.overrides = overrides;
  const levels = parseLevels(views.PerformanceLevels, providers, phases, sink, rules);
  rules.modelEnd();

  if (sink.errorCount > 0) return { model: undefined, issues: sink.issues };

  // No errors: every field below was read, so the drafts are complete.
  const order = phases.items
    .map((p, i) => ({ p, i }))
    .sort((a, b) => must(a.p.start).value - must(b.p.start).value || a.i - b.i);
  const phaseIndex = new Map<number, number>(order.map(({ i }, k) => [i, k]));
  const phaseList: Phase[] = order.map(({ p }) => ({
    name: p.name,
    startDate: must(p.start).value,
    endDate: must(p.end).value,
    description: p.description,
    cell: p.cell,
  }));
  const dmcList: Dmc[] = dmcs.items.map((d) => ({ ...d, generation: must(d.generation) }));
  const profileList: Profile[] = profiles.items.map((p) => ({ name: p.name, cell: p.cell, shares: p.shares.map(must) }));
  const transactionList: TransactionRow[] = transactions.rows.map((t) => ({
    name: t.name,
    cell: t.cell,
    generation: must(t.generation),
    stream: must(t.stream),
    rate: must(t.rate),
    profile: must(t.profile),
    routing: t.routing.map(must),
    description: t.description,
  }));
  const volumeList: VolumeRow[] = volumes.map((v) => ({
    phase: must(phaseIndex.get(must(v.phase))),
    dmc: must(v.dmc),
    population: must(v.population),
    migrationsPerDay: must(v.migrationsPerDay),
    installsPerDay: must(v.installsPerDay),
  }));
  const overrideList: Override[] = overrides.map((o) => ({ dmc: must(o.dmc), transaction: must(o.transaction), rate: must(o.rate) }));
  const levelList: PerformanceLevel[] = levels.map((l) => ({
    provider: must(l.provider),
    phase: l.phase === null || l.phase === undefined ? null : must(phaseIndex.get(l.phase)),
    capacityPerHour: must(l.capacityPerHour),
    peakPerSecond: l.peakPerSecond ?? null,
    headroom: must(l.headroom),
    targetResponseSeconds: l.targetResponseSeconds ?? null,
    percentile: must(l.percentile),
    maxErrorRate: must(l.maxErrorRate),
    cell: l.cell ?? "",
  }));
  const model: VolumeModel = {
    settings,
    phases: phaseList,
    providers: providers.items.map((p) => ({ ...p })),
    dmcs: dmcList,
    volumes: volumeList,
    transactions: transactionList,
    overrides: overrideList,
    profiles: profileList,
    levels: levelList,
  };
  return { model, issues: sink.issues };
}

function openViews(grids: WorkbookGrids, sink: IssueSink): Partial<Record<TableName, TableView>> {
  const views: Partial<Record<TableName, TableView>> = {};
  for (const name of TABLE_NAMES) {
    const grid = locateTable(grids, name);
    if (!grid) {
      if (REQUIRED_TABLES.has(name)) {
        sink.add("MISSING_TABLE", name, "", {
          found: "no Excel table and no worksheet of that name",
          expected: `an Excel table (or a worksheet with headers in row 1) named ${name}`,
        });
      }
      continue;
    }
    const view = openTable(grid, name, requiredColumns(name), sink);
    if (view.dataRows.length === 0 && REQUIRED_TABLES.has(name)) {
      sink.add("EMPTY_TABLE", name, view.headerCell, { found: "a header row and no data", expected: `at least one row in ${name}` });
    }
    views[name] = view;
  }
  return views;
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("internal error: a model field is missing although no error was reported");
  return value;
}

export type { Sourced };
