/**
 * Names from the workbook that a spreadsheet would run as formulas come out of the CSVs
 * neutralised with a leading apostrophe (OWASP) and quoted per RFC 4180.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { mapColumn, setCell } from "../support/model-edits";
import { parseCsv } from "../support/parse-csv";
import { makeTempDir, runMain } from "../support/run-cli";
import { loadSampleModel, toWorkbookSpec } from "../support/sample-model";
import { writeWorkbookFile } from "../support/write-workbook";

const RENAMES: Record<string, string> = {
  "S1-ALD-ELEC-01": '=HYPERLINK("x")',
  "S2-GRN-ALT-01": "-1+2",
  "S1-DUN-DUAL-01": "@SUM(A1)",
};
const TRANSACTION = "+cmd|' /C calc'!A0";

let tmp: ReturnType<typeof makeTempDir>;
let out: string;
const text = (file: string): string => readFileSync(join(out, file), "utf8");

beforeAll(async () => {
  tmp = makeTempDir("csv-injection");
  const book = loadSampleModel();
  const rename = (v: unknown): never => (typeof v === "string" ? (RENAMES[v] ?? v) : v) as never;
  for (const [table, column] of [["DMCs", "DMC"], ["Volumes", "DMC"], ["Overrides", "DMC"]] as const) mapColumn(book, table, column, rename);
  setCell(book, "Transactions", 45, "Transaction", TRANSACTION);
  const model = join(tmp.dir, "formula-names.xlsx");
  await writeWorkbookFile(model, toWorkbookSpec(book));
  out = join(tmp.dir, "results");
  expect((await runMain(["compute", model, "--out", out], tmp.dir)).code).toBe(1);
});
afterAll(() => tmp.remove());

describe("CSV outputs with formula-like names", () => {
  it("prefixes a DMC named =HYPERLINK(\"x\") with an apostrophe and quotes it, doubling its quotes", () => {
    expect(text("rates-by-dmc.csv")).toContain(`,"'=HYPERLINK(""x"")",`);
    const dmcs = new Set(parseCsv(text("rates-by-dmc.csv")).map((r) => r[2]));
    expect(dmcs).toContain(`'=HYPERLINK("x")`);
  });

  it("prefixes DMCs named -1+2 and @SUM(A1) with an apostrophe", () => {
    const dmcs = new Set(parseCsv(text("rates-by-dmc.csv")).map((r) => r[2]));
    expect(dmcs).toContain("'-1+2");
    expect(dmcs).toContain("'@SUM(A1)");
    expect(text("rates-by-dmc.csv")).toMatch(/^FOC,DSP,'-1\+2,0,/m);
  });

  it("prefixes a transaction named +cmd|… and quotes nothing that needs no quotes", () => {
    const transactions = new Set(parseCsv(text("rates-by-transaction.csv")).map((r) => r[2]));
    expect(transactions).toContain(`'${TRANSACTION}`);
    expect(text("rates-by-transaction.csv")).toContain(`,'${TRANSACTION},Traffic,`);
  });

  it("leaves no field of any output starting with = + - @, tab or CR", () => {
    for (const file of readdirSync(out)) {
      const risky = parseCsv(text(file)).flat().filter((field) => /^[=+\-@\t\r]/.test(field));
      expect({ file, risky }).toEqual({ file, risky: [] });
    }
  });
});
