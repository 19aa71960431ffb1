import { foldKey } from "../../parse/cell-values";
import type { NamedDraft, Registry } from "../../parse/drafts";
import { showValue } from "../issue-catalogue";
import { rowRule, type ParseState, type RowRule } from "../rule";

type Catalogue = "Phases" | "Providers" | "DMCs" | "Profiles";
const REGISTRY: Record<Catalogue, (s: ParseState) => Registry<NamedDraft>> = {
  Phases: (s) => s.phases,
  Providers: (s) => s.providers,
  DMCs: (s) => s.dmcs,
  Profiles: (s) => s.profiles,
};

/**
 * DUPLICATE_KEY: a name defined twice in a catalogue (case-insensitive), at the second
 * key cell; the first row is kept.
 */
export function duplicateName<T extends Catalogue>(table: T, column: string): RowRule<T> {
  return rowRule<T>({
    name: `duplicate-${column.toLowerCase()}`,
    table,
    after: column,
    excludesRow: true,
    start: (state) => (row, report) => {
      const key = row.key;
      if (!key || REGISTRY[table](state).find(foldKey(key.value)) === undefined) return;
      report("DUPLICATE_KEY", table, key.cell, { column, found: `${showValue(key.value)} again`, expected: `each ${column} once in ${table}` });
    },
  });
}
