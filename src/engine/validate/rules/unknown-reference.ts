import type { NamedDraft, Registry } from "../../parse/drafts";
import { showValue } from "../issue-catalogue";
import { rowRule, type ParseState, type Ref, type RowContexts, type RowRule } from "../rule";

type Target = "Phases" | "Providers" | "DMCs" | "Profiles";
const REGISTRY: Record<Target, (s: ParseState) => Registry<NamedDraft>> = {
  Phases: (s) => s.phases,
  Providers: (s) => s.providers,
  DMCs: (s) => s.dmcs,
  Profiles: (s) => s.profiles,
};

const preview = (items: readonly NamedDraft[]): string =>
  items.length <= 6 ? items.map((i) => i.name).join(", ") : `${items.slice(0, 5).map((i) => i.name).join(", ")}, …`;

/**
 * UNKNOWN_REFERENCE: a name that the target table does not define, at the referring cell
 * (only when the target table was read, so a missing table does not flood errors).
 */
export function unknownReference<T extends "Volumes" | "PerformanceLevels" | "Overrides">(
  table: T,
  column: string,
  target: Target,
  refOf: (row: RowContexts[T]) => Ref,
): RowRule<T> {
  return rowRule<T>({
    name: `unknown-${column.toLowerCase()}-in-${table.toLowerCase()}`,
    table,
    after: column,
    start: (state) => (row, report) => {
      const { text, index } = refOf(row);
      const names = REGISTRY[target](state);
      if (!text || index !== undefined || !names.known) return;
      report("UNKNOWN_REFERENCE", table, text.cell, {
        column,
        found: showValue(text.value),
        expected: `a ${column} defined in ${target}${names.items.length ? ` (${preview(names.items)})` : ""}`,
      });
    },
  });
}
