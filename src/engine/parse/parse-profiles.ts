import { HOURS, type Sourced } from "../model/types";
import { Registry, type ProfileDraft } from "./drafts";
import type { IssueSink } from "./issue-sink";
import { definesNames, registerKey } from "./parse-catalogues";
import { readNumber } from "./read-cell";
import type { TableView } from "./table-view";

/** `H00` … `H23`. */
export const HOUR_COLUMNS: readonly string[] = Array.from({ length: HOURS }, (_, h) => `H${String(h).padStart(2, "0")}`);

const SUM_TOLERANCE = 1e-6;

export function parseProfiles(view: TableView | undefined, sink: IssueSink): Registry<ProfileDraft> {
  const reg = new Registry<ProfileDraft>(definesNames(view, "Profile"));
  if (!view) return reg;
  for (const r of view.dataRows) {
    const shares: (Sourced<number> | undefined)[] = [];
    const raw: (number | undefined)[] = [];
    for (const column of HOUR_COLUMNS) {
      // Read once without bounds so the sum can still be checked when shares are out of range.
      const any = readNumber(view, r, column, sink, { required: true, bound: "any" });
      raw.push(any?.value);
      shares.push(any && any.value >= 0 && any.value <= 1 ? any : undefined);
      if (any) boundShare(view, any, column, sink);
    }
    const item = registerKey(view, r, "Profile", reg, sink, (name, cell) => ({ name, cell, shares }));
    if (item && raw.every((v) => v !== undefined)) {
      let sum = 0;
      for (const v of raw) sum += v as number;
      if (Math.abs(sum - 1) > SUM_TOLERANCE) {
        const looksLikePercent = Math.abs(sum - 100) <= 100 * SUM_TOLERANCE * 10;
        sink.add("PROFILE_SUM", view.table, item.cell, {
          column: `Profile ${item.name}`,
          found: `H00…H23 summing to ${sum}`,
          expected: "shares summing to 1 (within 1e-6)",
          hint: looksLikePercent
            ? "They sum to 100: the shares look typed as whole percentages (5 for 5%); enter 5% or 0.05."
            : undefined,
        });
      }
    }
  }
  return reg;
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
