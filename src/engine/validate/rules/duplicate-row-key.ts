import type { Sourced } from "../../model/types";
import { foldKey } from "../../parse/cell-values";
import { rowRule, type RowContexts, type RowRule } from "../rule";

/** A row's composite key: its parts (undefined when a key cell is missing), where to report, how to name it. */
interface RowKey {
  readonly parts: readonly (string | undefined)[];
  readonly cell: Sourced<string>;
  /** The key's columns, e.g. "(Phase, DMC)". */
  readonly columns: string;
}

/** The key's columns and values, e.g. "(Phase, DMC) (IOC, D1)" (a missing part is "blank"); made only for a duplicate. */
const keyText = (key: RowKey): string => `${key.columns} (${key.parts.map((p) => p ?? "blank").join(", ")})`;

/**
 * DUPLICATE_KEY: a composite key seen before in the table, at the row's first key cell;
 * the first row is kept.
 */
function duplicateRowKey<T extends "Volumes" | "Overrides" | "PerformanceLevels">(
  table: T,
  keyOf: (row: RowContexts[T]) => RowKey | undefined,
): RowRule<T> {
  return rowRule<T>({
    name: `duplicate-${table.toLowerCase()}-key`,
    table,
    after: "row",
    excludesRow: true,
    start: () => {
      const seen = new Set<string>();
      return (row, report) => {
        const key = keyOf(row);
        if (!key) return;
        const folded = key.parts.map((p) => (p === undefined ? "" : foldKey(p))).join("\u0000");
        if (!seen.has(folded)) {
          seen.add(folded);
          return;
        }
        report("DUPLICATE_KEY", table, key.cell.cell, { found: `${keyText(key)} again`, expected: `each ${key.columns} combination once` });
      };
    },
  });
}

export const duplicateVolume = duplicateRowKey("Volumes", ({ phase, dmc }) =>
  phase.text && dmc.text ? { parts: [phase.text.value, dmc.text.value], cell: phase.text, columns: "(Phase, DMC)" } : undefined,
);

export const duplicateOverride = duplicateRowKey("Overrides", ({ dmc, transaction }) =>
  dmc.text && transaction
    ? { parts: [dmc.text.value, transaction.value], cell: dmc.text, columns: "(DMC, Transaction)" }
    : undefined,
);

export const duplicateLevel = duplicateRowKey("PerformanceLevels", ({ provider, phase }) =>
  provider.text
    ? { parts: [provider.text.value, phase.text?.value], cell: provider.text, columns: "(Provider, Phase)" }
    : undefined,
);
