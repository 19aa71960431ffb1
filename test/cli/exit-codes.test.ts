/**
 * Exit codes of spec section 6 for compute and explain: 0 every status PASS, 1 some FAIL,
 * 2 model errors; warnings alone change nothing but are shown, one stderr line each.
 */
import { RUN_RECORD } from "../../src/cli/write-outputs";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { appendRow, setCell, tableOf } from "../support/model-edits";
import { readCsvFile } from "../support/read-csv-file";
import { linesOf, makeTempDir, runMain } from "../support/run-cli";
import { loadSampleModel, toWorkbookSpec, type SampleBook } from "../support/sample-model";
import { writeWorkbookFile } from "../support/write-workbook";

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir("exit-codes");
});
afterAll(() => tmp.remove());

/** The sample with its one FAIL (S1SP in FOC) lifted to a PASS, then `edit`. */
async function allPassModel(name: string, edit: (b: SampleBook) => void = () => undefined): Promise<string> {
  const book = loadSampleModel();
  setCell(book, "PerformanceLevels", 7, "CapacityPerHour", 2_500_000);
  setCell(book, "PerformanceLevels", 7, "PeakPerSecond", 1000);
  edit(book);
  const file = join(tmp.dir, `${name}.xlsx`);
  await writeWorkbookFile(file, toWorkbookSpec(book));
  return file;
}

describe("sctvm exit codes", () => {
  it("compute exits 0 when every status is PASS", async () => {
    const run = await runMain(["compute", await allPassModel("all-pass"), "--out", "all-pass"], tmp.dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(readCsvFile(join(tmp.dir, "all-pass", "provider-summary.csv")).records.every((r) => r.status === "PASS")).toBe(true);
  });

  it("compute exits 0 with warnings only, writing all five files and one stderr line per warning", async () => {
    const model = await allPassModel("warnings", (b) => {
      tableOf(b, "Settings").rows.push(["Colour", "blue", null]);
      setCell(b, "Volumes", 1, "Population", "650000");
    });
    const run = await runMain(["compute", model, "--out", "warnings"], tmp.dir);
    expect(run.code).toBe(0);
    expect(readdirSync(join(tmp.dir, "warnings")).filter((f) => f !== RUN_RECORD)).toHaveLength(5);
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.includes("UNKNOWN_SETTING"))).toBe(true);
    expect(lines.some((l) => l.includes("NUMBER_AS_TEXT") && l.includes("'Volumes'!C2"))).toBe(true);
  });

  it("compute exits 0 when a provider has no level (NO_LEVEL), warning NO_PERFORMANCE_LEVEL for each phase", async () => {
    const model = await allPassModel("no-level", (b) => {
      const levels = tableOf(b, "PerformanceLevels");
      levels.rows = levels.rows.filter((r) => r[0] !== "DCO");
    });
    const run = await runMain(["compute", model, "--out", "no-level"], tmp.dir);
    expect(run.code).toBe(0);
    expect(linesOf(run.stderr).filter((l) => l.includes("NO_PERFORMANCE_LEVEL"))).toHaveLength(3);
    const dco = readCsvFile(join(tmp.dir, "no-level", "provider-summary.csv")).records.filter((r) => r.provider === "DCO");
    expect(dco.map((r) => [r.status, r.capacity_per_hour, r.utilisation, r.required_per_hour === r.peak_per_hour])).toEqual([
      ["NO_LEVEL", "", "", true],
      ["NO_LEVEL", "", "", true],
      ["NO_LEVEL", "", "", true],
    ]);
  });

  it("explain exits 2 on a model with errors, one stderr line per error and a summary", async () => {
    const model = await allPassModel("broken", (b) => appendRow(b, "Providers", { Provider: "XSP" }));
    const run = await runMain(["explain", model, "--phase", "IOC", "--provider", "DSP", "--hour", "2"], tmp.dir);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("MISSING_COLUMN");
  });
});
