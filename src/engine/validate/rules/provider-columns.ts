import { foldKey } from "../../parse/cell-values";
import { cellAt } from "../../parse/table-view";
import type { TableRule } from "../rule";

const KNOWN = new Set(["transaction", "generation", "stream", "rate", "profile", "description"]);

/**
 * Transactions has a column per provider: MISSING_COLUMN for a provider without one,
 * UNKNOWN_COLUMN for a column that is neither known nor a provider (only once some
 * provider is defined).
 */
export const providerColumns: TableRule = {
  kind: "table",
  name: "provider-columns",
  table: "Transactions",
  check: (view, { providers }, report) => {
    if (!providers.known) return;
    for (const p of providers.items) {
      if (!view.columns.has(foldKey(p.name))) {
        report("MISSING_COLUMN", view.table, view.headerCell, {
          column: p.name,
          found: "no column for this provider",
          expected: `a column "${p.name}" giving messages per transaction on ${p.name} (0 or blank = not routed)`,
        });
      }
    }
    // With no providers defined yet (an empty Providers table, itself an error) a provider
    // column cannot be told from a stray one: say nothing about them (the empty template).
    if (providers.items.length === 0) return;
    view.headers.forEach((header, c) => {
      const key = foldKey(header);
      if (header === "" || KNOWN.has(key) || providers.find(key) !== undefined) return;
      report("UNKNOWN_COLUMN", view.table, cellAt(view, 0, c).address, {
        column: header,
        expected: `a known column or a provider (${providers.items.map((p) => p.name).join(", ")})`,
      });
    });
  },
};
