/** One line means one line: names holding line breaks cannot split or forge stderr lines. */
import { join } from "node:path";
import { renameHeader } from "../support/model-edits";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { linesOf, makeTempDir, runProcess } from "../support/run-cli";
import { loadSampleModel, toWorkbookSpec } from "../support/sample-model";
import { writeWorkbookFile } from "../support/write-workbook";

jest.setTimeout(60_000);
let tmp: ReturnType<typeof makeTempDir>;
beforeAll(async () => {
  await ensureCliBuilt();
  tmp = makeTempDir("controls");
});
afterAll(() => tmp.remove());

it("prints a warning about a column named 'Foo<newline>sctvm: all PASS' on one stderr line", async () => {
  const book = loadSampleModel();
  renameHeader(book, "Transactions", "Description", "Foo\nsctvm: all PASS");
  const file = join(tmp.dir, "newline-header.xlsx");
  await writeWorkbookFile(file, toWorkbookSpec(book));
  const run = await runProcess(["compute", file, "--out", join(tmp.dir, "out")], tmp.dir);
  expect(run.code).toBe(1);
  const lines = linesOf(run.stderr);
  expect(lines.every((l) => /^(warning|error): [A-Z_]+ /.test(l))).toBe(true);
  expect(lines.some((l) => l.includes("UNKNOWN_COLUMN") && l.includes("Foo\\nsctvm: all PASS"))).toBe(true);
});
