import { STREAMS, TRANSACTION_GENERATIONS, type Sourced, type TransactionGeneration } from "../model/types";
import { showValue } from "../validate/issue-catalogue";
import { foldKey } from "./cell-values";
import type { ProfileDraft, ProviderDraft, Registry, TransactionDraft } from "./drafts";
import type { IssueSink } from "./issue-sink";
import { readEnum, readNumber, readText } from "./read-cell";
import { cellAt, type TableView } from "./table-view";

const KNOWN = new Set(["transaction", "generation", "stream", "rate", "profile", "description"]);

/** Transactions rows in table order, including rows with bad cells (fields undefined). */
export interface TransactionTable {
  readonly known: boolean;
  readonly rows: TransactionDraft[];
}

export function parseTransactions(
  view: TableView | undefined,
  providers: Registry<ProviderDraft>,
  profiles: Registry<ProfileDraft>,
  sink: IssueSink,
): TransactionTable {
  const rows: TransactionDraft[] = [];
  if (!view) return { known: false, rows };
  if (providers.known) reportColumns(view, providers, sink);
  const byName = new Map<string, Map<TransactionGeneration, string>>();
  for (const r of view.dataRows) {
    const name = readText(view, r, "Transaction", sink, true);
    const generation = readEnum(view, r, "Generation", TRANSACTION_GENERATIONS, sink);
    const stream = readEnum(view, r, "Stream", STREAMS, sink);
    const rate = readNumber(view, r, "Rate", sink, { required: true, bound: "nonNegative" });
    const profileName = readText(view, r, "Profile", sink, true);
    const description = readText(view, r, "Description", sink, false)?.value ?? "";
    const routing: (Sourced<number> | undefined)[] = providers.items.map((p) =>
      readNumber(view, r, p.name, sink, { required: false, bound: "nonNegative", defaultValue: 0 }),
    );
    let profile: number | undefined;
    if (profileName) {
      profile = profiles.find(foldKey(profileName.value));
      if (profile === undefined && profiles.known) {
        sink.add("UNKNOWN_REFERENCE", view.table, profileName.cell, {
          column: "Profile",
          found: showValue(profileName.value),
          expected: "a Profile defined in Profiles",
        });
      }
    }
    if (generation && stream) {
      const clash =
        (stream.value === "Migration" && generation.value === "SMETS2+") || (stream.value === "Install" && generation.value === "SMETS1");
      if (clash) {
        sink.add("GENERATION_MISMATCH", view.table, stream.cell, {
          column: "Stream",
          found: `${stream.value} on a ${generation.value} row`,
          expected: stream.value === "Migration" ? "Migration rows for SMETS1 or All" : "Install rows for SMETS2+ or All",
        });
      }
    }
    if (name && generation && !checkKey(view, name, generation, byName, sink)) continue;
    if (!name) continue;
    rows.push({
      name: name.value,
      cell: name.cell,
      generation: generation?.value,
      stream: stream?.value,
      rate,
      profile,
      routing,
      description,
    });
  }
  return { known: view.columns.has("transaction"), rows };
}

/** (Transaction, Generation) is the key; `All` may not stand beside a specific generation. */
function checkKey(
  view: TableView,
  name: Sourced<string>,
  generation: Sourced<TransactionGeneration>,
  byName: Map<string, Map<TransactionGeneration, string>>,
  sink: IssueSink,
): boolean {
  const key = foldKey(name.value);
  const seen = byName.get(key) ?? new Map<TransactionGeneration, string>();
  byName.set(key, seen);
  if (seen.has(generation.value)) {
    sink.add("DUPLICATE_KEY", view.table, name.cell, {
      column: "Transaction",
      found: `${showValue(name.value)} for ${generation.value} again`,
      expected: "each (Transaction, Generation) once",
    });
    return false;
  }
  const others = [...seen.keys()];
  if ((generation.value === "All" && others.length > 0) || (generation.value !== "All" && seen.has("All"))) {
    sink.add("GENERATION_MISMATCH", view.table, generation.cell, {
      column: "Generation",
      found: `${showValue(name.value)} has rows for ${[...others, generation.value].join(" and ")}`,
      expected: "one All row, or rows for specific generations, not both",
    });
  }
  seen.set(generation.value, generation.cell);
  return true;
}

function reportColumns(view: TableView, providers: Registry<ProviderDraft>, sink: IssueSink): void {
  for (const p of providers.items) {
    if (!view.columns.has(foldKey(p.name))) {
      sink.add("MISSING_COLUMN", view.table, view.headerCell, {
        column: p.name,
        found: "no column for this provider",
        expected: `a column "${p.name}" giving messages per transaction on ${p.name} (0 or blank = not routed)`,
      });
    }
  }
  view.headers.forEach((header, c) => {
    const key = foldKey(header);
    if (header === "" || KNOWN.has(key) || providers.find(key) !== undefined) return;
    sink.add("UNKNOWN_COLUMN", view.table, cellAt(view, 0, c).address, {
      column: header,
      expected: `a known column or a provider (${providers.items.map((p) => p.name).join(", ")})`,
    });
  });
}
