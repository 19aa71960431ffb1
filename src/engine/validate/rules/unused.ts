import { foldKey } from "../../parse/cell-values";
import type { TableView } from "../../parse/table-view";
import type { ModelRule } from "../rule";

// Only where the referring table was read, so a missing table does not flood warnings; and
// a referring table counts only when its reference column is there, so one missing column
// does not cascade into a warning for every name.
const refers = (view: TableView | undefined, column: string): boolean => view === undefined || view.columns.has(foldKey(column));

/** UNUSED: a DMC with no Volumes or Overrides row, at its name cell. */
export const unusedDmcs: ModelRule = {
  kind: "model",
  name: "unused-dmcs",
  check: ({ views, dmcs, volumes, overrides }, report) => {
    if (!views.Volumes || !views.DMCs || !dmcs.known || !refers(views.Volumes, "DMC") || !refers(views.Overrides, "DMC")) return;
    const used = new Set<number>();
    for (const v of volumes) if (v.dmc !== undefined) used.add(v.dmc);
    for (const o of overrides) if (o.dmc !== undefined) used.add(o.dmc);
    dmcs.items.forEach((d, i) => {
      if (!used.has(i)) report("UNUSED", "DMCs", d.cell, { column: "DMC", found: `${d.name} has no Volumes row`, expected: "a DMC used in Volumes" });
    });
  },
};

/** UNUSED: a profile no transaction names. */
export const unusedProfiles: ModelRule = {
  kind: "model",
  name: "unused-profiles",
  check: ({ views, transactions, profiles }, report) => {
    if (!transactions.known || !profiles.known || !refers(views.Transactions, "Profile")) return;
    const used = new Set(transactions.rows.map((t) => t.profile));
    profiles.items.forEach((p, i) => {
      if (!used.has(i)) report("UNUSED", "Profiles", p.cell, { column: "Profile", found: `${p.name} is used by no transaction`, expected: "a profile named in Transactions" });
    });
  },
};

/** UNUSED: a provider that no transaction routes a non-zero number of messages to. */
export const unusedProviders: ModelRule = {
  kind: "model",
  name: "unused-providers",
  check: ({ transactions, providers }, report) => {
    if (!transactions.known || !providers.known) return;
    providers.items.forEach((p, i) => {
      if (!transactions.rows.some((t) => (t.routing[i]?.value ?? 0) > 0)) {
        report("UNUSED", "Providers", p.cell, { column: "Provider", found: `no transaction is routed to ${p.name}`, expected: "a provider with a non-zero column in Transactions" });
      }
    });
  },
};
