/**
 * Golden files: the sample model's five CSVs, written by the CLI's own writer. Rewrite only
 * on purpose, after reviewing the change: `UPDATE_GOLDEN=1 npx jest test/golden`. How the
 * golden files were checked independently: test/golden/README.md.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RUN_RECORD, writeOutputs } from "../../src/cli/write-outputs";
import { analyseWorkbook, OUTPUT_FILES } from "../../src/engine";
import { readWorkbookFile } from "../../src/io/xlsx/read-workbook-file";
import { makeTempDir } from "../support/run-cli";
import { DEBIAN_PYTHON } from "../support/debian-python";

const SAMPLE = join(__dirname, "../../examples/appendix-a-sample.xlsx");
const GOLDEN = join(__dirname, "sample");

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir("golden");
});
afterAll(() => tmp.remove());

describe("sample model golden outputs", () => {
  it("produces exactly the reviewed CSVs through the CLI's writer", async () => {
    const a = analyseWorkbook(await readWorkbookFile(SAMPLE));
    expect(a.errorCount).toBe(0);
    const written = await writeOutputs(a, tmp.dir);
    expect(written).toEqual([...OUTPUT_FILES]);
    expect(readdirSync(tmp.dir).sort()).toEqual([...OUTPUT_FILES, RUN_RECORD].sort());
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(GOLDEN, { recursive: true });
      for (const f of written) writeFileSync(join(GOLDEN, f), readFileSync(join(tmp.dir, f)));
      writeFileSync(join(GOLDEN, "fingerprint.txt"), `${a.fingerprint}\n`);
    }
    for (const f of OUTPUT_FILES) expect({ f, text: readFileSync(join(tmp.dir, f), "utf8") }).toEqual({ f, text: readFileSync(join(GOLDEN, f), "utf8") });
    expect(`${a.fingerprint}\n`).toBe(readFileSync(join(GOLDEN, "fingerprint.txt"), "utf8"));
  });

  it("agrees with the independent recomputation from the sample's CSV sources", () => {
    // Debian's python3 (the pyenv one first on PATH is not the system's).
    const out = execFileSync(DEBIAN_PYTHON, [join(__dirname, "recompute_sample.py")], { encoding: "utf8" });
    expect(out).toMatch(/^\d{5,} values checked, 0 disagree$/m);
  });

  it("shows both outcomes: at least one FAIL and at least one PASS", async () => {
    const a = analyseWorkbook(await readWorkbookFile(SAMPLE));
    const statuses = new Set(a.results!.summaries.map((s) => s.status));
    expect(statuses.has("FAIL")).toBe(true);
    expect(statuses.has("PASS")).toBe(true);
  });
});
