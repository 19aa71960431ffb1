/**
 * The fixture corpora's manifests (test/fixtures/{broken,valid}/cases.json), written by
 * scripts/build-fixtures.ts and read by the CLI tests.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { IssueCode } from "../../src/engine";

export const BROKEN_DIR = resolve(__dirname, "../fixtures/broken");
export const VALID_DIR = resolve(__dirname, "../fixtures/valid");

/** One expected issue: its code, the spec table and the exact cell ("" where none applies). */
export interface FixtureIssue {
  readonly code: IssueCode;
  readonly table: string;
  readonly cell: string;
}

export interface BrokenCaseEntry {
  readonly file: string;
  readonly description: string;
  /** Exactly the errors the file must give (as a set). */
  readonly errors: readonly FixtureIssue[];
  /** Exactly the warnings it must give; absent = not checked. */
  readonly warnings?: readonly FixtureIssue[];
  /** Text an issue's message must contain, e.g. the "sum to 100" hint. */
  readonly messageIncludes?: readonly { readonly code: IssueCode; readonly cell: string; readonly text: string }[];
  /**
   * Set where the engine is known to disagree with the spec on this case: what it does
   * instead. The corpus test marks the case `it.failing` until the engine is fixed.
   */
  readonly engineDisagrees?: string;
}

export interface ValidCaseEntry {
  readonly file: string;
  readonly description: string;
  /** Exactly the warnings it must give (errors: none). */
  readonly warnings: readonly FixtureIssue[];
  /** True where every input value equals the sample's, so the fingerprint must too. */
  readonly sameFingerprint: boolean;
}

export interface Manifest<T> {
  readonly version: 1;
  readonly generatedBy: string;
  readonly cases: readonly T[];
}

export function readBrokenCases(): Manifest<BrokenCaseEntry> {
  return JSON.parse(readFileSync(join(BROKEN_DIR, "cases.json"), "utf8")) as Manifest<BrokenCaseEntry>;
}

export function readValidCases(): Manifest<ValidCaseEntry> {
  return JSON.parse(readFileSync(join(VALID_DIR, "cases.json"), "utf8")) as Manifest<ValidCaseEntry>;
}

/** `CODE@cell` keys, sorted: compare issue sets in one `toEqual` with a readable diff. */
export function issueKeys(issues: readonly { code: string; table: string; cell: string }[]): string[] {
  return issues.map((i) => `${i.code} ${i.table} ${i.cell}`).sort();
}
