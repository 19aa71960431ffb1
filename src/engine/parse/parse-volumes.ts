import type { Override, PerformanceLevel, Sourced, VolumeRow } from "../model/types";
import { showValue } from "../validate/issue-catalogue";
import { foldKey } from "./cell-values";
import type { DmcDraft, NamedDraft, PhaseDraft, ProviderDraft, Registry } from "./drafts";
import type { IssueSink } from "./issue-sink";
import type { TransactionTable } from "./parse-transactions";
import { readNumber, readText } from "./read-cell";
import type { TableView } from "./table-view";

/** Reads a reference cell and resolves it; reports UNKNOWN_REFERENCE when the target table was read. */
export function readReference<T extends NamedDraft>(
  view: TableView,
  r: number,
  column: string,
  target: Registry<T>,
  targetTable: string,
  sink: IssueSink,
  required = true,
): { index: number | undefined; cell: Sourced<string> | undefined } {
  const text = readText(view, r, column, sink, required);
  if (!text) return { index: undefined, cell: undefined };
  const index = target.find(foldKey(text.value));
  if (index === undefined && target.known) {
    sink.add("UNKNOWN_REFERENCE", view.table, text.cell, {
      column,
      found: showValue(text.value),
      expected: `a ${column} defined in ${targetTable}${target.items.length ? ` (${preview(target.items)})` : ""}`,
    });
  }
  return { index, cell: text };
}

const preview = (items: readonly NamedDraft[]): string =>
  items.length <= 6 ? items.map((i) => i.name).join(", ") : `${items.slice(0, 5).map((i) => i.name).join(", ")}, …`;

/** Checks a composite key; reports DUPLICATE_KEY at the first key cell. */
function claimKey(view: TableView, seen: Set<string>, key: string, cell: string, what: string, sink: IssueSink): boolean {
  if (seen.has(key)) {
    // `what` is "(Phase, DMC) (IOC, D1)": the key's columns, then its values.
    const columns = /^\([^)]*\)/.exec(what)?.[0] ?? "key";
    sink.add("DUPLICATE_KEY", view.table, cell, { found: `${what} again`, expected: `each ${columns} combination once` });
    return false;
  }
  seen.add(key);
  return true;
}

export function parseVolumes(
  view: TableView | undefined,
  phases: Registry<PhaseDraft>,
  dmcs: Registry<DmcDraft>,
  sink: IssueSink,
): (Partial<VolumeRow> & { dmcCell?: string })[] {
  const out: (Partial<VolumeRow> & { dmcCell?: string })[] = [];
  if (!view) return out;
  const seen = new Set<string>();
  for (const r of view.dataRows) {
    const phase = readReference(view, r, "Phase", phases, "Phases", sink);
    const dmc = readReference(view, r, "DMC", dmcs, "DMCs", sink);
    const population = readNumber(view, r, "Population", sink, { required: true, bound: "nonNegative" });
    const migrationsPerDay = readNumber(view, r, "MigrationsPerDay", sink, { required: false, bound: "nonNegative", defaultValue: 0 });
    const installsPerDay = readNumber(view, r, "InstallsPerDay", sink, { required: false, bound: "nonNegative", defaultValue: 0 });
    const generation = dmc.index !== undefined ? dmcs.items[dmc.index]?.generation : undefined;
    if (generation === "SMETS2+" && migrationsPerDay && migrationsPerDay.value > 0) {
      sink.add("GENERATION_MISMATCH", view.table, migrationsPerDay.cell, {
        column: "MigrationsPerDay",
        found: `${migrationsPerDay.value} migrations a day for SMETS2+ DMC ${showValue(dmc.cell?.value)}`,
        expected: "0 or blank: only SMETS1 installations migrate",
      });
    }
    if (generation === "SMETS1" && installsPerDay && installsPerDay.value > 0) {
      sink.add("GENERATION_MISMATCH", view.table, installsPerDay.cell, {
        column: "InstallsPerDay",
        found: `${installsPerDay.value} installs a day for SMETS1 DMC ${showValue(dmc.cell?.value)}`,
        expected: "0 or blank: only SMETS2+ meters are installed",
      });
    }
    if (phase.cell && dmc.cell) {
      const key = `${foldKey(phase.cell.value)}\u0000${foldKey(dmc.cell.value)}`;
      const what = `(Phase, DMC) (${phase.cell.value}, ${dmc.cell.value})`;
      if (!claimKey(view, seen, key, phase.cell.cell, what, sink)) continue;
    }
    out.push({ phase: phase.index, dmc: dmc.index, population, migrationsPerDay, installsPerDay });
  }
  return out;
}

export function parseOverrides(
  view: TableView | undefined,
  dmcs: Registry<DmcDraft>,
  transactions: TransactionTable,
  sink: IssueSink,
): Partial<Override>[] {
  const out: Partial<Override>[] = [];
  if (!view) return out;
  const seen = new Set<string>();
  for (const r of view.dataRows) {
    const dmc = readReference(view, r, "DMC", dmcs, "DMCs", sink);
    const tx = readText(view, r, "Transaction", sink, true);
    const rate = readNumber(view, r, "Rate", sink, { required: true, bound: "nonNegative" });
    let transaction: number | undefined;
    if (tx && transactions.known) {
      const key = foldKey(tx.value);
      const candidates = transactions.rows.map((row, i) => ({ row, i })).filter(({ row }) => foldKey(row.name) === key);
      if (candidates.length === 0) {
        sink.add("UNKNOWN_REFERENCE", view.table, tx.cell, {
          column: "Transaction",
          found: showValue(tx.value),
          expected: "a Transaction defined in Transactions",
        });
      } else if (dmc.index !== undefined) {
        const generation = dmcs.items[dmc.index]?.generation;
        const match = candidates.find(({ row }) => row.generation === generation || row.generation === "All");
        if (match) transaction = match.i;
        else if (generation !== undefined && candidates.every(({ row }) => row.generation !== undefined)) {
          sink.add("GENERATION_MISMATCH", view.table, tx.cell, {
            column: "Transaction",
            found: `${showValue(tx.value)} has no row for ${generation} (DMC ${showValue(dmc.cell?.value)})`,
            expected: `an override for a transaction with a ${generation} or All row`,
          });
        }
      }
    }
    if (dmc.cell && tx) {
      const key = `${foldKey(dmc.cell.value)}\u0000${foldKey(tx.value)}`;
      if (!claimKey(view, seen, key, dmc.cell.cell, `(DMC, Transaction) (${dmc.cell.value}, ${tx.value})`, sink)) continue;
    }
    out.push({ dmc: dmc.index, transaction, rate });
  }
  return out;
}

export function parseLevels(
  view: TableView | undefined,
  providers: Registry<ProviderDraft>,
  phases: Registry<PhaseDraft>,
  sink: IssueSink,
): (Partial<PerformanceLevel> & { hasPeak: boolean; phaseBlank: boolean })[] {
  const out: (Partial<PerformanceLevel> & { hasPeak: boolean; phaseBlank: boolean })[] = [];
  if (!view) return out;
  const seen = new Set<string>();
  for (const r of view.dataRows) {
    const provider = readReference(view, r, "Provider", providers, "Providers", sink);
    const phase = readReference(view, r, "Phase", phases, "Phases", sink, false);
    const capacityPerHour = readNumber(view, r, "CapacityPerHour", sink, { required: true, bound: "positive" });
    const peak = readNumber(view, r, "PeakPerSecond", sink, { required: false, bound: "positive" });
    const headroom = readNumber(view, r, "Headroom", sink, { required: false, bound: "nonNegative", defaultValue: 0, fraction: true });
    const phaseBlank = phase.cell === undefined;
    if (provider.cell) {
      const key = `${foldKey(provider.cell.value)}\u0000${phase.cell ? foldKey(phase.cell.value) : ""}`;
      const what = `(Provider, Phase) (${provider.cell.value}, ${phase.cell?.value ?? "blank"})`;
      if (!claimKey(view, seen, key, provider.cell.cell, what, sink)) continue;
    }
    out.push({
      provider: provider.index,
      phase: phase.index ?? null,
      capacityPerHour,
      peakPerSecond: peak ?? null,
      headroom,
      cell: provider.cell?.cell ?? "",
      hasPeak: peak !== undefined,
      phaseBlank,
    });
  }
  return out;
}
