/**
 * Cross-field, cross-row and cross-table rules: each a small function in rules/, run in the
 * order of the one list in rules/index.ts. The parser reads single cells only and calls the
 * rules at fixed points (after a named cell of a row, at a row's end, before a table's rows,
 * after the whole model), so issues keep the order in which a reader meets them.
 */
import type { IssueCode } from "../model/issue";
import type { Results } from "../model/results";
import type { Generation, Sourced, Stream, TransactionGeneration, VolumeModel } from "../model/types";
import type { DmcDraft, PhaseDraft, ProfileDraft, ProviderDraft, Registry, TransactionDraft } from "../parse/drafts";
import type { TableName } from "../model/tables";
import type { TableView } from "../parse/table-view";
import type { IssueDetails } from "./issue-catalogue";

export type Report = (code: IssueCode, table: string, cell: string, details?: IssueDetails) => void;

/** A reference cell and what it resolved to (undefined: blank, bad or not found). */
export interface Ref {
  readonly text: Sourced<string> | undefined;
  readonly index: number | undefined;
}

/** What the parser knows so far: tables found, names defined, transaction rows read. */
export interface ParseState {
  readonly views: Partial<Record<TableName, TableView>>;
  readonly phases: Registry<PhaseDraft>;
  readonly providers: Registry<ProviderDraft>;
  readonly dmcs: Registry<DmcDraft>;
  readonly profiles: Registry<ProfileDraft>;
  readonly transactions: { readonly known: boolean; readonly rows: readonly TransactionDraft[] };
  readonly volumes: readonly { readonly dmc?: number }[];
  readonly overrides: readonly { readonly dmc?: number }[];
}

/** The cells of one row a rule may look at, by table; a field is undefined where its cell was bad. */
export interface RowContexts {
  Settings: { readonly key: Sourced<string> };
  Phases: { readonly start?: Sourced<number>; readonly end?: Sourced<number>; readonly key?: Sourced<string> };
  Providers: { readonly key?: Sourced<string> };
  DMCs: { readonly key?: Sourced<string> };
  Profiles: { readonly key?: Sourced<string>; readonly shares: readonly (number | undefined)[] };
  Transactions: {
    readonly name?: Sourced<string>;
    readonly generation?: Sourced<TransactionGeneration>;
    readonly stream?: Sourced<Stream>;
    readonly profile: Ref;
  };
  Volumes: {
    readonly phase: Ref;
    readonly dmc: Ref;
    readonly generation?: Generation;
    readonly migrationsPerDay?: Sourced<number>;
    readonly installsPerDay?: Sourced<number>;
  };
  Overrides: { readonly dmc: Ref; readonly transaction?: Sourced<string> };
  PerformanceLevels: { readonly provider: Ref; readonly phase: Ref };
}
export type RowTable = keyof RowContexts;

/** A rule over one row, run after the cell of column `after` is read, or at the row's end ("row"). */
export interface RowRule<T extends RowTable = RowTable> {
  readonly kind: "row";
  readonly name: string;
  readonly table: T;
  readonly after: string;
  /** A row this rule reports is left out of the model (duplicate keys: the first row is kept). */
  readonly excludesRow?: boolean;
  /** Called once per parse; the checker it returns sees the rows in table order. */
  readonly start: (state: ParseState) => (row: RowContexts[T], report: Report) => void;
}

/** A rule over a table's header, run before its rows. */
export interface TableRule {
  readonly kind: "table";
  readonly name: string;
  readonly table: TableName;
  readonly check: (view: TableView, state: ParseState, report: Report) => void;
}

/** A rule over the whole parsed model, run after every table is read. */
export interface ModelRule {
  readonly kind: "model";
  readonly name: string;
  readonly check: (state: ParseState, report: Report) => void;
}

/** A rule that needs the derivation, run on a model without errors. */
export interface ResultsRule {
  readonly kind: "results";
  readonly name: string;
  readonly check: (model: VolumeModel, results: Results, report: Report) => void;
}

export type Rule = RowRule<"Settings"> | RowRule<"Phases"> | RowRule<"Providers"> | RowRule<"DMCs"> | RowRule<"Profiles">
  | RowRule<"Transactions"> | RowRule<"Volumes"> | RowRule<"Overrides"> | RowRule<"PerformanceLevels">
  | TableRule | ModelRule | ResultsRule;

/** Row rules keep their table's context type. */
export function rowRule<T extends RowTable>(rule: Omit<RowRule<T>, "kind">): RowRule<T> {
  return { kind: "row", ...rule };
}
