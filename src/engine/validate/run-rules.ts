import type { IssueSink } from "../parse/issue-sink";
import type { TableView } from "../parse/table-view";
import type { Results } from "../model/results";
import type { VolumeModel } from "../model/types";
import type { ParseState, Report, RowContexts, RowRule, RowTable, Rule } from "./rule";

type Checker<T extends RowTable> = { readonly rule: RowRule<T>; readonly check: (row: RowContexts[T], report: Report) => void };

/** One row's rule checks: `after` runs the rules anchored at a point; an excluding report drops the row. */
export class RowCheck<T extends RowTable> {
  private excluded = false;

  constructor(
    private readonly checkers: readonly Checker<T>[],
    private readonly sink: IssueSink,
  ) {}

  /** Runs the rules anchored after `point` (a column, or "row" at the end); false once the row is excluded. */
  after(point: string, row: RowContexts[T]): boolean {
    if (this.excluded) return false;
    for (const { rule, check } of this.checkers) {
      if (rule.after !== point) continue;
      const before = this.sink.issues.length;
      check(row, (code, table, cell, details) => this.sink.add(code, table, cell, details));
      if (rule.excludesRow && this.sink.issues.length > before) {
        this.excluded = true;
        return false;
      }
    }
    return true;
  }

  get kept(): boolean {
    return !this.excluded;
  }
}

/**
 * Runs the rules of one list in its order, at the points the parser calls. Row rules start
 * (get their per-parse state) when their table's first row is checked, so they see the
 * tables parsed before theirs in `state`.
 */
export class RuleRunner {
  private readonly started = new Map<RowTable, Checker<RowTable>[]>();
  private readonly report: Report;

  constructor(
    private readonly rules: readonly Rule[],
    private readonly state: ParseState,
    private readonly sink: IssueSink,
  ) {
    this.report = (code, table, cell, details) => sink.add(code, table, cell, details);
  }

  /** Before a table's rows: the table rules of that table. */
  tableStart(view: TableView): void {
    for (const rule of this.rules) if (rule.kind === "table" && rule.table === view.table) rule.check(view, this.state, this.report);
  }

  /** The checks of one new row of `table`. */
  row<T extends RowTable>(table: T): RowCheck<T> {
    let checkers = this.started.get(table);
    if (!checkers) {
      const rows = this.rules.filter((r): r is RowRule<T> & Rule => r.kind === "row" && r.table === table) as RowRule<T>[];
      checkers = rows.map((rule) => ({ rule, check: rule.start(this.state) })) as unknown as Checker<RowTable>[];
      this.started.set(table, checkers);
    }
    return new RowCheck(checkers as unknown as Checker<T>[], this.sink);
  }

  /** After every table: the model rules. */
  modelEnd(): void {
    for (const rule of this.rules) if (rule.kind === "model") rule.check(this.state, this.report);
  }
}

/** The rules that need the derivation, on a model without errors. */
export function runResultsRules(rules: readonly Rule[], model: VolumeModel, results: Results, report: Report): void {
  for (const rule of rules) if (rule.kind === "results") rule.check(model, results, report);
}
