/**
 * Golden files: the sample model's five CSVs. Rewrite only on purpose, after reviewing the
 * change: `UPDATE_GOLDEN=1 npx jest test/golden`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook, buildOutputTables, formatCsv } from "../../src/engine";
import { readWorkbookFile } from "../../src/io/xlsx/read-workbook-file";

const SAMPLE = join(__dirname, "../../examples/appendix-a-sample.xlsx");
const GOLDEN = join(__dirname, "sample");

describe("sample model golden outputs", () => {
  it("produces exactly the reviewed CSVs", async () => {
    const a = analyseWorkbook(await readWorkbookFile(SAMPLE));
    expect(a.errorCount).toBe(0);
    const tables = buildOutputTables(a.model!, a.results!, a.issues);
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(GOLDEN, { recursive: true });
      for (const t of tables) writeFileSync(join(GOLDEN, t.file), formatCsv(t));
      writeFileSync(join(GOLDEN, "fingerprint.txt"), `${a.fingerprint}\n`);
    }
    for (const t of tables) {
      const path = join(GOLDEN, t.file);
      expect(existsSync(path)).toBe(true);
      expect(formatCsv(t)).toBe(readFileSync(path, "utf8"));
    }
    expect(`${a.fingerprint}\n`).toBe(readFileSync(join(GOLDEN, "fingerprint.txt"), "utf8"));
  });

  it("shows both outcomes: at least one FAIL and at least one PASS", async () => {
    const a = analyseWorkbook(await readWorkbookFile(SAMPLE));
    const statuses = new Set(a.results!.summaries.map((s) => s.status));
    expect(statuses.has("FAIL")).toBe(true);
    expect(statuses.has("PASS")).toBe(true);
  });
});
