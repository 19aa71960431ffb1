/**
 * `compute --out`: files are written whole (temporary file, then rename). A folder that
 * cannot take them is an I/O error (exit 3, one line) that leaves no temporary files;
 * results of an earlier run are replaced, or removed when the model has errors.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RUN_RECORD } from "../../src/cli/write-outputs";
import { OUTPUT_FILES } from "../../src/engine";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { BROKEN_DIR } from "../support/fixture-cases";
import { linesOf, makeTempDir, ProcessRuns, runMain, type CliRun } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";

jest.setTimeout(60_000);
const RESULTS = OUTPUT_FILES.filter((f) => f !== "issues.csv");
const BROKEN = join(BROKEN_DIR, "negative-migrations-quoted-sheet.xlsx");
// Root ignores file modes, so a read-only folder cannot be made for it.
const asRoot = process.getuid?.() === 0;

let tmp: ReturnType<typeof makeTempDir>;
const runs = new ProcessRuns(() => tmp.dir);
const compute = (model: string, out: string): string[] => ["compute", model, "--out", out];
const path = (...parts: string[]): string => join(tmp.dir, ...parts);
const tempFilesIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

function expectIoError(run: CliRun): void {
  expect(run.code).toBe(3);
  expect(linesOf(run.stderr)).toHaveLength(1);
  expect(run.stderr).toMatch(/^sctvm: /);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

beforeAll(async () => {
  await ensureCliBuilt();
  tmp = makeTempDir("out-dir");
  expect((await runMain(compute(SAMPLE_XLSX, "reference"), tmp.dir)).code).toBe(1);
  writeFileSync(path("a-file"), "not a folder\n");
  mkdirSync(path("blocked", "provider-hourly.csv"), { recursive: true });
  writeFileSync(path("blocked", "provider-hourly.csv", "keep.txt"), "x");
  mkdirSync(path("stale"));
  writeFileSync(path("stale", "provider-summary.csv"), "stale\n");
  writeFileSync(path("stale", "notes.txt"), "mine\n");
  mkdirSync(path("earlier"));
  for (const f of [...RESULTS, "issues.csv"]) copyFileSync(path("reference", f), path("earlier", f));
  writeFileSync(path("earlier", "notes.txt"), "mine\n");
  mkdirSync(path("read-only"));
  writeFileSync(path("read-only", "provider-summary.csv"), "old\n");
  chmodSync(path("read-only"), 0o555);
  runs.start(compute(SAMPLE_XLSX, "a-file"), compute(SAMPLE_XLSX, "blocked"), compute(SAMPLE_XLSX, "stale"), compute(BROKEN, "earlier"));
  if (!asRoot) runs.start(compute(SAMPLE_XLSX, "read-only"));
}, 180_000);
afterAll(() => {
  chmodSync(path("read-only"), 0o755);
  tmp.remove();
});

describe("sctvm compute --out", () => {
  it("exits 3 with one line when --out names an existing file, leaving the file and no temporary files", async () => {
    const run = await runs.get(compute(SAMPLE_XLSX, "a-file"));
    expectIoError(run);
    // Plain words naming the file, never the library's `EEXIST: file already exists, mkdir …`.
    expect(run.stderr).toBe(`sctvm: cannot use '${path("a-file")}' as the output folder: a file (not a folder) is in the way\n`);
    expect(readFileSync(path("a-file"), "utf8")).toBe("not a folder\n");
    expect(tempFilesIn(tmp.dir)).toEqual([]);
  });

  it.each([
    ["compute", (out: string) => compute(SAMPLE_XLSX, out)],
    ["export", (out: string) => ["export", SAMPLE_XLSX, "--format", "csv", "--phase", "FOC", "--out", out]],
    ["compare", (out: string) => ["compare", SAMPLE_XLSX, SAMPLE_XLSX, "--out", out]],
  ])("%s names a file in the way of --out, or of a folder above it, in plain words (exit 3, one line)", async (_, argv) => {
    const direct = await runMain(argv("a-file"), tmp.dir);
    expectIoError(direct);
    expect(direct.stderr).toBe(`sctvm: cannot use '${path("a-file")}' as the output folder: a file (not a folder) is in the way\n`);
    const below = await runMain(argv(join("a-file", "sub", "dir")), tmp.dir);
    expectIoError(below);
    expect(below.stderr).toBe(`sctvm: cannot use '${path("a-file", "sub", "dir")}' as the output folder: '${path("a-file")}' is a file (not a folder) in the way\n`);
    expect(readFileSync(path("a-file"), "utf8")).toBe("not a folder\n");
    expect(tempFilesIn(tmp.dir)).toEqual([]);
  });

  it("exits 3 with one line when a result file's place is taken by a folder, leaving no temporary files", async () => {
    expectIoError(await runs.get(compute(SAMPLE_XLSX, "blocked")));
    expect(readdirSync(path("blocked", "provider-hourly.csv"))).toEqual(["keep.txt"]);
    expect(tempFilesIn(path("blocked"))).toEqual([]);
  });

  (asRoot ? it.skip : it)("exits 3 with one line for a read-only folder, leaving its files as they were", async () => {
    expectIoError(await runs.get(compute(SAMPLE_XLSX, "read-only")));
    expect(readdirSync(path("read-only"))).toEqual(["provider-summary.csv"]);
    expect(readFileSync(path("read-only", "provider-summary.csv"), "utf8")).toBe("old\n");
  });

  it("replaces a result file of an earlier run and leaves other files alone", async () => {
    expect((await runs.get(compute(SAMPLE_XLSX, "stale"))).code).toBe(1);
    expect(readdirSync(path("stale")).sort()).toEqual([...RESULTS, "issues.csv", "notes.txt", RUN_RECORD].sort());
    for (const f of RESULTS) expect(readFileSync(path("stale", f), "utf8")).toBe(readFileSync(path("reference", f), "utf8"));
    expect(readFileSync(path("stale", "notes.txt"), "utf8")).toBe("mine\n");
  });

  it("removes the earlier run's result CSVs when the model has errors, keeping only issues.csv and other files", async () => {
    expect((await runs.get(compute(BROKEN, "earlier"))).code).toBe(2);
    expect(readdirSync(path("earlier")).sort()).toEqual(["issues.csv", "notes.txt", RUN_RECORD]);
    expect(readFileSync(path("earlier", "issues.csv"), "utf8")).toContain("error,NEGATIVE,Volumes,'Bob''s volumes'!E4,");
  });
});
