import type { Override, PerformanceLevel, Sourced, VolumeRow } from "../model/types";
import type { Ref } from "../validate/rule";
import type { RuleRunner } from "../validate/run-rules";
import { foldKey } from "./cell-values";
import type { DmcDraft, NamedDraft, PhaseDraft, ProviderDraft, Registry } from "./drafts";
import type { IssueSink } from "./issue-sink";
import { transactionRowsNamed, type TransactionTable } from "./parse-transactions";
import { parseNumber, parseText } from "./parse-cell";
import type { TableView } from "./table-view";

const NO_REF: Ref = { text: undefined, index: undefined };

/** Reads a reference cell and resolves it against a table's names (index undefined when not found). */
function parseRef<T extends NamedDraft>(view: TableView, r: number, column: string, target: Registry<T>, sink: IssueSink, required = true): Ref {
  const text = parseText(view, r, column, sink, required);
  return { text, index: text ? target.find(foldKey(text.value)) : undefined };
}

export function parseVolumes(
  view: TableView | undefined,
  phases: Registry<PhaseDraft>,
  dmcs: Registry<DmcDraft>,
  sink: IssueSink,
  rules: RuleRunner,
): Partial<VolumeRow>[] {
  const out: Partial<VolumeRow>[] = [];
  if (!view) return out;
  for (const r of view.dataRows) {
    const check = rules.row("Volumes");
    const phase = parseRef(view, r, "Phase", phases, sink);
    check.after("Phase", { phase, dmc: NO_REF });
    const dmc = parseRef(view, r, "DMC", dmcs, sink);
    check.after("DMC", { phase, dmc });
    const population = parseNumber(view, r, "Population", sink, { required: true, bound: "nonNegative" });
    const migrationsPerDay = parseNumber(view, r, "MigrationsPerDay", sink, { required: false, bound: "nonNegative", defaultValue: 0 });
    const installsPerDay = parseNumber(view, r, "InstallsPerDay", sink, { required: false, bound: "nonNegative", defaultValue: 0 });
    const generation = dmc.index !== undefined ? dmcs.items[dmc.index]?.generation : undefined;
    if (!check.after("row", { phase, dmc, generation, migrationsPerDay, installsPerDay })) continue;
    out.push({ phase: phase.index, dmc: dmc.index, population, migrationsPerDay, installsPerDay });
  }
  return out;
}

export function parseOverrides(
  view: TableView | undefined,
  dmcs: Registry<DmcDraft>,
  transactions: TransactionTable,
  sink: IssueSink,
  rules: RuleRunner,
): Partial<Override>[] {
  const out: Partial<Override>[] = [];
  if (!view) return out;
  for (const r of view.dataRows) {
    const check = rules.row("Overrides");
    const dmc = parseRef(view, r, "DMC", dmcs, sink);
    check.after("DMC", { dmc });
    const tx = parseText(view, r, "Transaction", sink, true);
    const rate = parseNumber(view, r, "Rate", sink, { required: true, bound: "nonNegative" });
    let transaction: number | undefined;
    if (tx && transactions.known && dmc.index !== undefined) {
      const generation = dmcs.items[dmc.index]?.generation;
      transaction = transactionRowsNamed(transactions.rows, tx.value).find(({ row }) => row.generation === generation || row.generation === "All")?.i;
    }
    if (!check.after("row", { dmc, transaction: tx })) continue;
    out.push({ dmc: dmc.index, transaction, rate });
  }
  return out;
}

export function parseLevels(
  view: TableView | undefined,
  providers: Registry<ProviderDraft>,
  phases: Registry<PhaseDraft>,
  sink: IssueSink,
  rules: RuleRunner,
): Partial<PerformanceLevel>[] {
  const out: Partial<PerformanceLevel>[] = [];
  if (!view) return out;
  for (const r of view.dataRows) {
    const check = rules.row("PerformanceLevels");
    const provider = parseRef(view, r, "Provider", providers, sink);
    check.after("Provider", { provider, phase: NO_REF });
    const phase = parseRef(view, r, "Phase", phases, sink, false);
    check.after("Phase", { provider, phase });
    const capacityPerHour = parseNumber(view, r, "CapacityPerHour", sink, { required: true, bound: "positive" });
    const peak = parseNumber(view, r, "PeakPerSecond", sink, { required: false, bound: "positive" });
    const headroom = parseNumber(view, r, "Headroom", sink, { required: false, bound: "nonNegative", defaultValue: 0, fraction: true });
    const target = parseNumber(view, r, "TargetResponseSeconds", sink, { required: false, bound: "positive" });
    const percentile = parsePercentile(view, r, sink);
    const maxErrorRate = parseNumber(view, r, "MaxErrorRate", sink, { required: false, bound: "share", defaultValue: 0 });
    if (!check.after("row", { provider, phase })) continue;
    out.push({
      provider: provider.index,
      phase: phase.index ?? null,
      capacityPerHour,
      peakPerSecond: peak ?? null,
      headroom,
      targetResponseSeconds: target ?? null,
      percentile,
      maxErrorRate,
      cell: provider.text?.cell ?? "",
    });
  }
  return out;
}

export const DEFAULT_PERCENTILE = 0.95;

/**
 * PerformanceLevels.Percentile: a fraction in (0, 1], default 0.95. A value in (1, 100] is
 * a whole percentage typed for a fraction (95 for 95%): PERCENT_AS_WHOLE, read as value / 100.
 */
function parsePercentile(view: TableView, r: number, sink: IssueSink): Sourced<number> | undefined {
  const n = parseNumber(view, r, "Percentile", sink, { required: false, bound: "positive", defaultValue: DEFAULT_PERCENTILE });
  if (!n || n.value <= 1) return n;
  const expected = "a fraction in (0, 1] such as 0.95 for the 95th percentile";
  if (n.value > 100) {
    sink.add("OUT_OF_RANGE", view.table, n.cell, { column: "Percentile", found: String(n.value), expected });
    return undefined;
  }
  sink.add("PERCENT_AS_WHOLE", view.table, n.cell, { column: "Percentile", found: String(n.value), expected, hint: `Read as ${n.value / 100}.` });
  return { value: n.value / 100, cell: n.cell };
}
