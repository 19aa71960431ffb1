/**
 * The reading corpus: the sample model as openpyxl, LibreOffice, a Strict-mode save and
 * hand-edited packages write it must read to the same model and the same five CSVs as the
 * exceljs-written sample, byte for byte; a stated difference is checked as stated.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook, buildOutputTables, formatCsv } from "../../src/engine";
import { readWorkbookFile } from "../../src/io/xlsx/read-workbook-file";

const DIR = join(__dirname, "../fixtures/reading");
const GOLDEN = join(__dirname, "../golden/sample");

interface Case {
  readonly file: string;
  readonly writer: string;
  readonly differs?: string;
  readonly issues?: readonly { readonly code: string; readonly cell: string }[];
}
const cases = (JSON.parse(readFileSync(join(DIR, "cases.json"), "utf8")) as { cases: Case[] }).cases;

describe("reading corpus", () => {
  it.each(cases.filter((c) => !c.differs).map((c) => [c.file, c] as const))("%s gives the sample's five CSVs and fingerprint byte for byte", async (file) => {
    const a = analyseWorkbook(await readWorkbookFile(join(DIR, file)));
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
    for (const t of buildOutputTables(a.model!, a.results!, a.issues)) {
      expect(formatCsv(t)).toBe(readFileSync(join(GOLDEN, t.file), "utf8"));
    }
    expect(`${a.fingerprint}\n`).toBe(readFileSync(join(GOLDEN, "fingerprint.txt"), "utf8"));
  });

  it.each(cases.filter((c) => c.differs).map((c) => [c.file, c] as const))("%s differs only as stated", async (_file, c) => {
    const a = analyseWorkbook(await readWorkbookFile(join(DIR, c.file)));
    expect(a.issues.filter((i) => i.severity === "error").map((i) => ({ code: i.code, cell: i.cell }))).toEqual(c.issues);
    expect(a.results).toBeUndefined();
  });

  it.each(cases.map((c) => [c.file] as const))("%s gives the same grids read whole and read part by part from the disk", async (file) => {
    const whole = await readWorkbookFile(join(DIR, file));
    const parts = await readWorkbookFile(join(DIR, file), { readWholeBytes: 0 });
    expect(parts).toEqual(whole);
  });
});
