/**
 * A model whose derivation would pass the memory budget is refused before deriving, in one
 * line with the figure, the budget and the way out; `--outputs` without rates-by-dmc derives
 * without the per-DMC series and completes. The budget is set low (SCTVM_MEMORY_BUDGET_MIB)
 * on a generated model of 2,000 DMCs, so no gigabytes are allocated.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildLargeModel, largeModelGrids, writeLargeModelXlsx } from "../../bench/build-large-model";
import { BUDGET_ENV, DEFAULT_BUDGET_MIB, memoryBudgetBytes } from "../../src/cli/memory-budget";
import { estimateDerivation } from "../../src/engine";
import { parseModel } from "../../src/engine/parse/parse-model";
import { linesOf, makeTempDir, runMain, type CliRun } from "../support/run-cli";

jest.setTimeout(120_000);
const MIB = 1024 * 1024;
const SHAPE = { seed: 11, dmcs: 2000, transactions: 100, overrides: 20 };
const mib = (bytes: number): string => `${Math.ceil(bytes / MIB).toLocaleString("en-GB")} MiB`;

let tmp: ReturnType<typeof makeTempDir>;
let model: string;
let full: number;
let lean: number;

beforeAll(async () => {
  tmp = makeTempDir("budget");
  const large = buildLargeModel(SHAPE);
  model = join(tmp.dir, "large.xlsx");
  await writeLargeModelXlsx(large, model);
  const parsed = parseModel(largeModelGrids(large)).model!;
  full = estimateDerivation(parsed).bytes;
  lean = estimateDerivation(parsed, false).bytes;
});
afterAll(() => tmp.remove());

async function withBudget(mibs: string | undefined, argv: string[]): Promise<CliRun> {
  const before = process.env[BUDGET_ENV];
  if (mibs === undefined) delete process.env[BUDGET_ENV];
  else process.env[BUDGET_ENV] = mibs;
  try {
    return await runMain(argv, tmp.dir);
  } finally {
    if (before === undefined) delete process.env[BUDGET_ENV];
    else process.env[BUDGET_ENV] = before;
  }
}

function expectRefused(run: CliRun, message: string, out?: string): void {
  expect(run.code).toBe(3);
  expect(linesOf(run.stderr)).toEqual([`sctvm: ${message}`]);
  expect(run.stdout).toBe("");
  if (out) expect(existsSync(out)).toBe(false);
}

it("the generated model needs several MiB with per-DMC series and under 4 MiB without", () => {
  expect(lean).toBeGreaterThan(1 * MIB);
  expect(lean).toBeLessThan(4 * MIB);
  expect(full).toBeGreaterThan(4 * MIB);
});

it("refuses compute in one line naming the figure, the budget and --outputs without dmc, writing nothing", async () => {
  const out = join(tmp.dir, "refused");
  const run = await withBudget("4", ["compute", "large.xlsx", "--out", out]);
  expectRefused(
    run,
    `large.xlsx is too large to compute within the memory budget: deriving it takes ${mib(full)}, more than the 4 MiB budget (${BUDGET_ENV}); ` +
      `without rates-by-dmc it takes ${mib(lean)}: run with --outputs summary,hourly,transaction, or split the model by phase or by group of DMCs into smaller workbooks`,
    out,
  );
});

it("completes under the same budget with --outputs summary,hourly, the files byte-identical to a full run's", async () => {
  const reference = join(tmp.dir, "reference");
  const lean_ = join(tmp.dir, "lean");
  expect((await withBudget(undefined, ["compute", "large.xlsx", "--out", reference])).code).toBeLessThan(2);
  const run = await withBudget("4", ["compute", "large.xlsx", "--out", lean_, "--outputs", "summary,hourly"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBeLessThan(2);
  for (const f of ["provider-summary.csv", "provider-hourly.csv", "issues.csv"]) expect(readFileSync(join(lean_, f))).toEqual(readFileSync(join(reference, f)));
  expect(existsSync(join(lean_, "rates-by-dmc.csv"))).toBe(false);
});

it("suggests only the outputs asked for, less rates-by-dmc", async () => {
  const run = await withBudget("4", ["compute", "large.xlsx", "--out", join(tmp.dir, "x"), "--outputs", "dmc,summary"]);
  expect(run.code).toBe(3);
  expect(run.stderr).toContain("run with --outputs summary, or split");
});

it("refuses in one line with the way out of splitting when even without per-DMC series the model passes the budget", async () => {
  const run = await withBudget("1", ["compute", "large.xlsx", "--out", join(tmp.dir, "tiny"), "--outputs", "summary,hourly"]);
  expectRefused(
    run,
    `large.xlsx is too large to compute within the memory budget: deriving it takes ${mib(lean)}, more than the 1 MiB budget (${BUDGET_ENV}); ` +
      `split the model by phase or by group of DMCs into smaller workbooks, or raise ${BUDGET_ENV} on a machine with more memory`,
    join(tmp.dir, "tiny"),
  );
});

it("refuses explain (which needs every DMC's series) in one line, and validates under the budget without them", async () => {
  const explain = await withBudget("4", ["explain", "large.xlsx", "--phase", "FOC", "--provider", "DSP", "--hour", "2"]);
  expect(explain.code).toBe(3);
  expect(linesOf(explain.stderr)).toHaveLength(1);
  expect(explain.stderr).toContain(`deriving it takes ${mib(full)}, more than the 4 MiB budget`);
  expect((await withBudget("4", ["validate", "large.xlsx"])).code).toBe(0);
});

it("takes the budget from SCTVM_MEMORY_BUDGET_MIB, 768 MiB by default, and refuses a bad value in one line", async () => {
  expect(memoryBudgetBytes({})).toBe(DEFAULT_BUDGET_MIB * MIB);
  expect(DEFAULT_BUDGET_MIB).toBe(768);
  expect(memoryBudgetBytes({ [BUDGET_ENV]: " 2048 " })).toBe(2048 * MIB);
  const run = await withBudget("lots", ["compute", "large.xlsx", "--out", join(tmp.dir, "bad")]);
  expectRefused(run, `${BUDGET_ENV} must be a whole number of MiB (1 or more), got 'lots'`, join(tmp.dir, "bad"));
});
