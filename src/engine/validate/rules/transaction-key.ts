import type { TransactionGeneration } from "../../model/types";
import { foldKey } from "../../parse/cell-values";
import { showValue } from "../issue-catalogue";
import { rowRule } from "../rule";

/** DUPLICATE_KEY: (Transaction, Generation) twice, at the second Transaction cell; the first row is kept. */
export const duplicateTransaction = rowRule<"Transactions">({
  name: "duplicate-transaction",
  table: "Transactions",
  after: "row",
  excludesRow: true,
  start: () => {
    const seen = new Set<string>();
    return ({ name, generation }, report) => {
      if (!name || !generation) return;
      const key = `${foldKey(name.value)}\u0000${generation.value}`;
      if (!seen.has(key)) {
        seen.add(key);
        return;
      }
      report("DUPLICATE_KEY", "Transactions", name.cell, {
        column: "Transaction",
        found: `${showValue(name.value)} for ${generation.value} again`,
        expected: "each (Transaction, Generation) once",
      });
    };
  },
});

/** GENERATION_MISMATCH: an `All` row beside a row for a specific generation, at the later Generation cell. */
export const allBesideSpecific = rowRule<"Transactions">({
  name: "all-beside-specific",
  table: "Transactions",
  after: "row",
  start: () => {
    const byName = new Map<string, TransactionGeneration[]>();
    return ({ name, generation }, report) => {
      if (!name || !generation) return;
      const key = foldKey(name.value);
      const others = byName.get(key) ?? [];
      byName.set(key, [...others, generation.value]);
      if ((generation.value === "All" && others.length > 0) || (generation.value !== "All" && others.includes("All"))) {
        report("GENERATION_MISMATCH", "Transactions", generation.cell, {
          column: "Generation",
          found: `${showValue(name.value)} has rows for ${[...others, generation.value].join(" and ")}`,
          expected: "one All row, or rows for specific generations, not both",
        });
      }
    };
  },
});
