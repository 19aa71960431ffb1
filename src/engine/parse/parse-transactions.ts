import { STREAMS, TRANSACTION_GENERATIONS, type Sourced } from "../model/types";
import type { RuleRunner } from "../validate/run-rules";
import { foldKey } from "./cell-values";
import type { ProfileDraft, ProviderDraft, Registry, TransactionDraft } from "./drafts";
import type { IssueSink } from "./issue-sink";
import { parseEnum, parseNumber, parseText } from "./parse-cell";
import type { TableView } from "./table-view";

/** Transactions rows in table order, including rows with bad cells (fields undefined). */
export interface TransactionTable {
  readonly known: boolean;
  readonly rows: TransactionDraft[];
}

/** The rows named `name` (case-insensitive), with their indices. */
export function transactionRowsNamed(rows: readonly TransactionDraft[], name: string): { row: TransactionDraft; i: number }[] {
  const key = foldKey(name);
  return rows.map((row, i) => ({ row, i })).filter(({ row }) => foldKey(row.name) === key);
}

export function parseTransactions(
  view: TableView | undefined,
  providers: Registry<ProviderDraft>,
  profiles: Registry<ProfileDraft>,
  sink: IssueSink,
  rules: RuleRunner,
): TransactionTable {
  const rows: TransactionDraft[] = [];
  if (!view) return { known: false, rows };
  rules.tableStart(view);
  for (const r of view.dataRows) {
    const check = rules.row("Transactions");
    const name = parseText(view, r, "Transaction", sink, true);
    const generation = parseEnum(view, r, "Generation", TRANSACTION_GENERATIONS, sink);
    const stream = parseEnum(view, r, "Stream", STREAMS, sink);
    const rate = parseNumber(view, r, "Rate", sink, { required: true, bound: "nonNegative" });
    const profileName = parseText(view, r, "Profile", sink, true);
    const description = parseText(view, r, "Description", sink, false)?.value ?? "";
    const routing: (Sourced<number> | undefined)[] = providers.items.map((p) =>
      parseNumber(view, r, p.name, sink, { required: false, bound: "nonNegative", defaultValue: 0 }),
    );
    const profile = profileName ? profiles.find(foldKey(profileName.value)) : undefined;
    if (!check.after("row", { name, generation, stream, profile: { text: profileName, index: profile } }) || !name) continue;
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
