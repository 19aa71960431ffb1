/**
 * One line means one line in `explain` and `compare` text too: a DMC or transaction name
 * holding a newline or an escape sequence is printed escaped, as stderr and tables are.
 */
import { join } from "node:path";
import { escapeControls, escapeControlsIn } from "../../src/cli/escape-controls";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { makeTempDir, runProcess } from "../support/run-cli";
import { loadSampleModel, SAMPLE_XLSX, toWorkbookSpec, type SampleBook } from "../support/sample-model";
import { writeWorkbookFile } from "../support/write-workbook";

jest.setTimeout(60_000);
const DMC = "S1-ALD-ELEC-01\nsctvm: all PASS";
const TRANSACTION = "SRV 8.1.1\u001b[2J\u001b[31mFAIL";
// XML cannot carry ESC: Excel stores it as `_x001B_`, which the reader decodes (exceljs would drop a raw one).
const TRANSACTION_IN_XLSX = TRANSACTION.replaceAll("\u001b", "_x001B_");
let tmp: ReturnType<typeof makeTempDir>;
let model: string;

/** Renames an identifier wherever a cell holds it (its defining table and every reference). */
function renameEverywhere(book: SampleBook, from: string, to: string): void {
  let count = 0;
  for (const table of Object.values(book.tables)) {
    for (const row of table.rows) row.forEach((v, c) => v === from && (row[c] = to, count++));
  }
  if (count < 2) throw new Error(`${from} found ${count} times`);
}

beforeAll(async () => {
  await ensureCliBuilt();
  tmp = makeTempDir("explain-controls");
  const book = loadSampleModel();
  renameEverywhere(book, "S1-ALD-ELEC-01", DMC);
  // Twenty times its volumes, so a comparison with the sample names it among what moved.
  const volumes = book.tables.Volumes!;
  const [dmcCol, populationCol] = ["DMC", "Population"].map((h) => volumes.headers.indexOf(h));
  for (const row of volumes.rows) if (row[dmcCol!] === DMC) row[populationCol!] = (row[populationCol!] as number) * 20;
  renameEverywhere(book, "SRV 8.1.1", TRANSACTION_IN_XLSX);
  model = join(tmp.dir, "hostile-names.xlsx");
  await writeWorkbookFile(model, toWorkbookSpec(book));
});
afterAll(() => tmp.remove());

const rawControls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

it("prints the explanation of a DMC's and a transaction's figure with their names escaped, no name splitting a line", async () => {
  const run = await runProcess(["explain", model, "--phase", "IOC", "--provider", "S1SP", "--hour", "10", "--dmc", DMC, "--transaction", TRANSACTION], tmp.dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(rawControls);
  const lines = run.stdout.split("\n");
  expect(lines[0]).toContain(`DMC ${escapeControls(DMC)}, transaction ${escapeControls(TRANSACTION)} = `);
  expect(lines.some((l) => l.startsWith("sctvm: all PASS"))).toBe(false);
  expect(lines.some((l) => l.startsWith("FAIL") || l.startsWith("[31m"))).toBe(false);
});

it("prints a provider-hourly explanation whose terms name the DMC, escaped, one term per line", async () => {
  const run = await runProcess(["explain", model, "--phase", "IOC", "--provider", "S1SP", "--hour", "10"], tmp.dir);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(rawControls);
  expect(run.stdout).toContain(escapeControls(DMC));
  expect(run.stdout.split("\n").some((l) => l.startsWith("sctvm: all PASS"))).toBe(false);
});

it("keeps the names as they are in --json (JSON escapes them itself)", async () => {
  const run = await runProcess(["explain", model, "--phase", "IOC", "--provider", "S1SP", "--hour", "10", "--dmc", DMC, "--json"], tmp.dir);
  expect(run.code).toBe(0);
  expect((JSON.parse(run.stdout) as { dmc: string }).dmc).toBe(DMC);
});

it("prints a comparison whose contributors carry such names with the names escaped", async () => {
  const run = await runProcess(["compare", SAMPLE_XLSX, model], tmp.dir);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(escapeControls(DMC));
  expect(run.stdout).not.toMatch(rawControls);
  expect(run.stdout.split("\n").some((l) => l.startsWith("sctvm: all PASS"))).toBe(false);
});

it("escapes every string inside results data, keeping numbers and the shape", () => {
  expect(escapeControlsIn({ dmc: "A\nB", value: 1.5, ok: true, none: null, terms: [{ label: "x\u001by", inputs: [] }] })).toEqual({
    dmc: "A\\nB",
    value: 1.5,
    ok: true,
    none: null,
    terms: [{ label: "x\\u001by", inputs: [] }],
  });
});
