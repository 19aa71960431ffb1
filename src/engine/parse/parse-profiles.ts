import { HOUR_COLUMNS } from "../model/tables";
import type { Sourced } from "../model/types";
import type { RuleRunner } from "../validate/run-rules";
import { foldKey } from "./cell-values";
import type { ProfileDraft, Registry } from "./drafts";
import type { IssueSink } from "./issue-sink";
import { parseNumber, parseText } from "./parse-cell";
import type { TableView } from "./table-view";

export function parseProfiles(view: TableView | undefined, reg: Registry<ProfileDraft>, sink: IssueSink, rules: RuleRunner): void {
  if (!view) return;
  for (const r of view.dataRows) {
    const check = rules.row("Profiles");
    const shares: (Sourced<number> | undefined)[] = [];
    const raw: (number | undefined)[] = [];
    for (const column of HOUR_COLUMNS) {
      // Read once without bounds so the sum can still be checked when shares are out of range.
      const any = parseNumber(view, r, column, sink, { required: true, bound: "any" });
      raw.push(any?.value);
      shares.push(any && any.value >= 0 && any.value <= 1 ? any : undefined);
      if (any) boundShare(view, any, column, sink);
    }
    const key = parseText(view, r, "Profile", sink, true);
    if (!key || !check.after("Profile", { key, shares: raw })) continue;
    reg.add(foldKey(key.value), { name: key.value, cell: key.cell, shares });
    check.after("row", { key, shares: raw });
  }
}

function boundShare(view: TableView, share: Sourced<number>, column: string, sink: IssueSink): void {
  if (share.value < 0) {
    sink.add("NEGATIVE", view.table, share.cell, { column, found: String(share.value), expected: "a share between 0 and 1" });
  } else if (share.value > 1) {
    sink.add("OUT_OF_RANGE", view.table, share.cell, {
      column,
      found: String(share.value),
      expected: "a share between 0 and 1",
      hint: "Shares are fractions of the day: type 5% or 0.05, not 5.",
    });
  }
}
