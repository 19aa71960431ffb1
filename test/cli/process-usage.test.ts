/**
 * The installed command as a user runs it (`node bin/sctvm.js`): help, usage errors and
 * unreadable files, each an exit code and at most one stderr line, never a stack trace.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { linesOf, makeTempDir, ProcessRuns, type CliRun } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";

const STACK_FRAME = /^\s+at /m;
const COMMANDS = ["validate", "compute", "explain", "demo"];
const BAD_FILES = [
  ["a missing file", "missing.xlsx"],
  ["a truncated (corrupt) workbook", "truncated.xlsx"],
  ["random bytes named .xlsx", "noise.xlsx"],
  ["a text file named .xlsx", "text.xlsx"],
  ["a directory named .xlsx", "folder.xlsx"],
] as const;
// compute reads the model as validate does: one compute run covers it.
const readArgs = (file: string): string[][] => (file === "missing.xlsx" ? [["validate", file], ["compute", file, "--out", "out"]] : [["validate", file]]);

jest.setTimeout(60_000);
let tmp: ReturnType<typeof makeTempDir>;
const runs = new ProcessRuns(() => tmp.dir);

function writeUnreadableFiles(dir: string): void {
  const sample = readFileSync(SAMPLE_XLSX);
  writeFileSync(join(dir, "truncated.xlsx"), sample.subarray(0, Math.floor(sample.length / 2)));
  writeFileSync(join(dir, "noise.xlsx"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(join(dir, "text.xlsx"), "Phase,DMC,Population\nIOC,S1-A,1000\n");
  mkdirSync(join(dir, "folder.xlsx"));
  copyFileSync(SAMPLE_XLSX, join(dir, "good.xlsx"));
}

beforeAll(async () => {
  await ensureCliBuilt();
  tmp = makeTempDir("usage");
  writeUnreadableFiles(tmp.dir);
  runs.start(["--help"], ...COMMANDS.map((c) => [c, "--help"]), ["frobnicate", "model.xlsx"], ...BAD_FILES.flatMap(([, f]) => readArgs(f)), ["validate", "good.xlsx"]);
}, 180_000);
afterAll(() => tmp.remove());

function expectOneErrorLine(run: CliRun, code: number, mentions: string): void {
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code, stdout: "" });
  const lines = linesOf(run.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^sctvm: /);
  expect(lines[0]).toContain(mentions);
  expect(run.stderr).not.toMatch(STACK_FRAME);
}

describe("sctvm help", () => {
  it("prints the usage with every command and exits 0 for --help", async () => {
    const run = await runs.get(["--help"]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    for (const command of ["validate", "compute", "explain"]) expect(run.stdout).toContain(`sctvm ${command}`);
  });

  it.each(COMMANDS)("prints the help of %s and exits 0", async (command) => {
    const run = await runs.get([command, "--help"]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(run.stdout.startsWith(`sctvm ${command}`)).toBe(true);
  });
});

describe("sctvm usage errors", () => {
  it("exits 3 with one line for an unknown command", async () => {
    expectOneErrorLine(await runs.get(["frobnicate", "model.xlsx"]), 3, "frobnicate");
  });
});

describe("sctvm on files it cannot read", () => {
  it.each(BAD_FILES)("exits 3 with one line naming the file for %s, in validate (and compute)", async (_what, file) => {
    for (const args of readArgs(file)) expectOneErrorLine(await runs.get(args), 3, file);
  });

  it("reads a model path relative to the working folder", async () => {
    const run = await runs.get(["validate", "good.xlsx"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 error\(s\), 0 warning\(s\); model fingerprint [0-9a-f]{64}/);
  });
});
