/**
 * Builds the workbook corpora from the sample model's readable source:
 *   test/fixtures/broken/  one .xlsx per broken case + cases.json (the exact issues each must give)
 *   test/fixtures/valid/   the sample re-laid out + cases.json (warnings, fingerprint expectation)
 * Deterministic: the same sources give the same bytes. Afterwards it analyses every file
 * and prints where the engine disagrees with a case (the cases, not the engine, are the
 * oracle, so a disagreement is reported, never written into cases.json).
 * Run: npx tsx scripts/build-fixtures.ts
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook } from "../src/engine";
import { readWorkbookFile } from "../src/io/xlsx/read-workbook-file";
import { BROKEN_DIR, issueKeys, VALID_DIR, type BrokenCaseEntry, type ValidCaseEntry } from "../test/support/fixture-cases";
import { SAMPLE_XLSX } from "../test/support/sample-model";
import { writeFixedWorkbook } from "../test/support/write-fixed-workbook";
import { BROKEN_CASES, brokenEntry, fileOf, formatManifest, VALID_VARIANTS, validEntry, workbookOf } from "./fixtures/corpus";
import type { BrokenCase, ValidVariant } from "./fixtures/define-case";

function cleanDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith(".xlsx") || f === "cases.json") rmSync(join(dir, f));
}

async function writeCase(dir: string, c: BrokenCase | ValidVariant): Promise<void> {
  await writeFixedWorkbook(join(dir, fileOf(c)), workbookOf(c));
}

function writeManifest<T>(dir: string, cases: readonly T[]): void {
  writeFileSync(join(dir, "cases.json"), formatManifest(cases));
}

const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

async function checkBroken(entry: BrokenCaseEntry): Promise<string[]> {
  const a = analyseWorkbook(await readWorkbookFile(join(BROKEN_DIR, entry.file)));
  const problems: string[] = [];
  const errors = issueKeys(a.issues.filter((i) => i.severity === "error"));
  if (!same(errors, issueKeys(entry.errors))) problems.push(`errors ${JSON.stringify(errors)}`);
  const warnings = issueKeys(a.issues.filter((i) => i.severity === "warning"));
  if (entry.warnings && !same(warnings, issueKeys(entry.warnings))) problems.push(`warnings ${JSON.stringify(warnings)}`);
  return problems;
}

async function checkValid(entry: ValidCaseEntry, fingerprint: string | undefined): Promise<string[]> {
  const a = analyseWorkbook(await readWorkbookFile(join(VALID_DIR, entry.file)));
  const problems: string[] = [];
  if (a.errorCount > 0) problems.push(`errors ${JSON.stringify(issueKeys(a.issues.filter((i) => i.severity === "error")))}`);
  const warnings = issueKeys(a.issues);
  if (a.errorCount === 0 && !same(warnings, issueKeys(entry.warnings))) problems.push(`warnings ${JSON.stringify(warnings)}`);
  if (entry.sameFingerprint && a.fingerprint !== fingerprint) problems.push(`fingerprint ${a.fingerprint ?? "none"}`);
  return problems;
}

async function main(): Promise<void> {
  cleanDir(BROKEN_DIR);
  cleanDir(VALID_DIR);
  for (const c of BROKEN_CASES) await writeCase(BROKEN_DIR, c);
  for (const v of VALID_VARIANTS) await writeCase(VALID_DIR, v);
  const broken = BROKEN_CASES.map(brokenEntry);
  const valid = VALID_VARIANTS.map(validEntry);
  writeManifest(BROKEN_DIR, broken);
  writeManifest(VALID_DIR, valid);

  const sample = analyseWorkbook(await readWorkbookFile(SAMPLE_XLSX));
  let bytes = 0;
  let disagreements = 0;
  for (const [dir, entries, check] of [
    [BROKEN_DIR, broken, (e: BrokenCaseEntry | ValidCaseEntry) => checkBroken(e as BrokenCaseEntry)],
    [VALID_DIR, valid, (e: BrokenCaseEntry | ValidCaseEntry) => checkValid(e as ValidCaseEntry, sample.fingerprint)],
  ] as const) {
    for (const entry of entries) {
      const size = statSync(join(dir, entry.file)).size;
      bytes += size;
      const problems = await check(entry);
      const known = "engineDisagrees" in entry && entry.engineDisagrees !== undefined;
      disagreements += problems.length > 0 && !known ? 1 : 0;
      const status = problems.length === 0 ? (known ? "FIXED?   " : "ok       ") : known ? "known bug" : "DISAGREES";
      console.log(`${status} ${entry.file.padEnd(44)} ${String(size).padStart(6)} B ${problems.join("; ")}`);
    }
  }
  console.log(`${broken.length} broken and ${valid.length} valid workbooks, ${Math.round(bytes / 1024)} KiB; ${disagreements} disagree with the engine (not counting known bugs)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
