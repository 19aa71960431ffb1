/** `compute --outputs`: only the chosen outputs (issues.csv always), the others of an earlier run removed. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { commandHelp } from "../../src/cli/help";
import { compute } from "../../src/cli/commands/compute";
import { RUN_RECORD } from "../../src/cli/write-outputs";
import { OUTPUT_LIST } from "../../src/engine";
import { linesOf, makeTempDir, runMain } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";

jest.setTimeout(60_000);
let tmp: ReturnType<typeof makeTempDir>;
const full = (): string => join(tmp.dir, "full");
beforeAll(async () => {
  tmp = makeTempDir("outputs");
  expect((await runMain(["compute", SAMPLE_XLSX, "--out", full()], tmp.dir)).code).toBe(1);
});
afterAll(() => tmp.remove());

const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");
const record = (dir: string): { files: { file: string; bytes: number; sha256: string }[] } => JSON.parse(readFileSync(join(dir, RUN_RECORD), "utf8"));

it("writes only summary and hourly (and issues.csv), byte-identical to a full run, and removes the rates files of an earlier run", async () => {
  const out = join(tmp.dir, "chosen");
  expect((await runMain(["compute", SAMPLE_XLSX, "--out", out], tmp.dir)).code).toBe(1);
  expect(readdirSync(out)).toContain("rates-by-dmc.csv");
  const run = await runMain(["compute", SAMPLE_XLSX, "--out", out, "--outputs", "summary,hourly"], tmp.dir);
  expect(run.code).toBe(1);
  const chosen = ["provider-summary.csv", "provider-hourly.csv", "issues.csv"];
  expect(readdirSync(out).sort()).toEqual([...chosen, RUN_RECORD].sort());
  for (const f of chosen) expect(readFileSync(join(out, f))).toEqual(readFileSync(join(full(), f)));
  // The run record lists exactly the files written, with their sizes and hashes.
  expect(record(out).files).toEqual(chosen.map((file) => ({ file, bytes: readFileSync(join(out, file)).length, sha256: sha256(join(out, file)) })));
  expect(run.stdout).toContain(`wrote 3 files to ${out}`);
});

it("takes file names and any case, in any order, and writes in the usual order", async () => {
  const out = join(tmp.dir, "names");
  const run = await runMain(["compute", SAMPLE_XLSX, "--out", out, "--outputs", " Transaction, rates-by-dmc.csv ,,SUMMARY"], tmp.dir);
  expect(run.code).toBe(1);
  expect(record(out).files.map((f) => f.file)).toEqual(["provider-summary.csv", "rates-by-dmc.csv", "rates-by-transaction.csv", "issues.csv"]);
  for (const f of ["rates-by-dmc.csv", "rates-by-transaction.csv"]) expect(readFileSync(join(out, f))).toEqual(readFileSync(join(full(), f)));
});

it("writes every output for 'all', as without the option", async () => {
  const out = join(tmp.dir, "all");
  expect((await runMain(["compute", SAMPLE_XLSX, "--out", out, "--outputs", "all"], tmp.dir)).code).toBe(1);
  expect(record(out)).toEqual(record(full()));
});

it.each([
  ["summary,pies", "--outputs: unknown output 'pies'; choose from summary, hourly, dmc, transaction or all"],
  [",", "--outputs needs at least one of summary, hourly, dmc, transaction or all"],
])("rejects --outputs %j with one line and exit 3, before reading the model or touching --out", async (list, message) => {
  const out = join(tmp.dir, "never");
  const run = await runMain(["compute", join(tmp.dir, "no-such.xlsx"), "--out", out, "--outputs", list], tmp.dir);
  expect(run.code).toBe(3);
  expect(run.stderr).toBe(`sctvm: ${message}\n`);
  expect(() => readdirSync(out)).toThrow();
});

it("names every output's key in --help, from the output registry", () => {
  const help = commandHelp(compute);
  const line = linesOf(help).find((l) => l.trim().startsWith("--outputs <list>"));
  for (const o of OUTPUT_LIST) expect(help).toContain(`${o.file.padEnd(26)}(${o.key})`);
  expect(line).toContain(OUTPUT_LIST.filter((o) => o.file !== "issues.csv").map((o) => o.key).join(", "));
});
