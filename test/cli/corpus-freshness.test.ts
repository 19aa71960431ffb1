/**
 * The committed corpora are what scripts/build-fixtures.ts makes from the sample's current
 * source: a stale fixture fails here (rebuild with `npx tsx scripts/build-fixtures.ts`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BROKEN_CASES, brokenEntry, fileOf, formatManifest, VALID_VARIANTS, validEntry, workbookOf } from "../../scripts/fixtures/corpus";
import type { WorkbookGrids } from "../../src/engine";
import { readWorkbookFile } from "../../src/io/xlsx/read-workbook-file";
import { gridsFromWorkbook } from "../support/exceljs-grids";
import { BROKEN_DIR, VALID_DIR } from "../support/fixture-cases";
import { buildWorkbook } from "../support/write-workbook";

/** Each grid row as one JSON line, keyed by grid and row: fast to compare, and a diff names the row. */
function digest(grids: WorkbookGrids): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [kind, list] of [["table", grids.tables], ["sheet", grids.sheets]] as const) {
    for (const g of list) {
      const where = `${kind} ${g.name} on '${g.sheet}' at ${g.top},${g.left}`;
      out[where] = `${g.rows.length} rows`;
      g.rows.forEach((row, r) => (out[`${where} row ${r}`] = JSON.stringify(row)));
    }
  }
  return out;
}

describe("the committed fixture corpora", () => {
  it("have the cases.json files the case definitions give", () => {
    expect(readFileSync(join(BROKEN_DIR, "cases.json"), "utf8")).toBe(formatManifest(BROKEN_CASES.map(brokenEntry)));
    expect(readFileSync(join(VALID_DIR, "cases.json"), "utf8")).toBe(formatManifest(VALID_VARIANTS.map(validEntry)));
  });

  it.each([
    ...BROKEN_CASES.map((c) => [BROKEN_DIR, c] as const),
    ...VALID_VARIANTS.map((c) => [VALID_DIR, c] as const),
  ].map(([dir, c]) => [fileOf(c), dir, c] as const))("%s holds the cells its definition gives", async (file, dir, c) => {
    expect(digest(await readWorkbookFile(join(dir, file)))).toEqual(digest(gridsFromWorkbook(buildWorkbook(workbookOf(c)))));
  });
});
