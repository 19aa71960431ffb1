/** Runs validation rules directly, for their unit tests. */
import type { IssueCode } from "../../src/engine";
import { Registry, type NamedDraft } from "../../src/engine/parse/drafts";
import type { IssueDetails } from "../../src/engine/validate/issue-catalogue";
import type { ParseState, RowContexts, RowRule, RowTable } from "../../src/engine/validate/rule";

export interface Reported {
  readonly code: IssueCode;
  readonly table: string;
  readonly cell: string;
  readonly details: IssueDetails;
}

/** A registry holding `names` in order, cells 'T'!A2, A3, … */
export function registry<T extends NamedDraft>(names: readonly string[], extra: (name: string) => Omit<T, "name" | "cell"> = () => ({}) as Omit<T, "name" | "cell">, known = true): Registry<T> {
  const reg = new Registry<T>(known);
  names.forEach((name, i) => reg.add(name.toLowerCase(), { name, cell: `'T'!A${i + 2}`, ...extra(name) } as T));
  return reg;
}

export function parseState(over: Partial<ParseState> = {}): ParseState {
  return {
    views: {},
    phases: registry([]),
    providers: registry([]),
    dmcs: registry([]),
    profiles: registry([]),
    transactions: { known: true, rows: [] },
    volumes: [],
    overrides: [],
    ...over,
  };
}

/** Each row's reports, rows checked in order by one started rule. */
export function checkRows<T extends RowTable>(rule: RowRule<T>, rows: readonly RowContexts[T][], state: ParseState = parseState()): Reported[][] {
  const check = rule.start(state);
  return rows.map((row) => {
    const out: Reported[] = [];
    check(row, (code, table, cell, details = {}) => out.push({ code, table, cell, details }));
    return out;
  });
}

export const src = <T,>(value: T, cell: string): { value: T; cell: string } => ({ value, cell });
