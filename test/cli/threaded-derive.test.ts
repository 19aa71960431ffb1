/**
 * A derivation on two threads (src/cli/threaded-derive.ts) must give deriveRates' results
 * bit for bit, however the phases fall between the threads, and must not lose a phase when
 * its worker cannot start, or dies holding a phase, even half-derived. These run the
 * compiled module (lib/) so that a real worker thread runs lib/src/cli/derive-worker.js.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { deriveRates, type Results, type VolumeModel } from "../../src/engine";
import { parseModel } from "../../src/engine/parse/parse-model";
import type * as ThreadedDerive from "../../src/cli/threaded-derive";
import { arbitraryModelTables, tablesToGrids } from "../support/arbitrary-model";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { BIN, makeTempDir, ROOT } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";

jest.setTimeout(120_000);
let threaded: typeof ThreadedDerive;
let tmp: ReturnType<typeof makeTempDir>;
beforeAll(async () => {
  await ensureCliBuilt();
  threaded = require(join(ROOT, "lib", "src", "cli", "threaded-derive.js")) as typeof ThreadedDerive;
  tmp = makeTempDir("threaded-derive");
}, 180_000);
afterAll(() => tmp?.remove());

/** A generated model with at least two phases (one phase never uses the worker). */
const arbitraryModel = arbitraryModelTables.map((tables) => parseModel(tablesToGrids(tables)).model!).filter((m) => m.phases.length >= 2);

function expectSameResults(got: Results, expected: Results): void {
  // toEqual on Float64Arrays compares element by element with Object.is: bit-identical.
  expect(got.providerHourly).toEqual(expected.providerHourly);
  expect(got.bySeries).toEqual(expected.bySeries);
  expect(got.byStream).toEqual(expected.byStream);
  expect(got.byDmc).toEqual(expected.byDmc);
  expect(got.summaries).toEqual(expected.summaries);
}

async function derived(model: VolumeModel, options: ThreadedDerive.ThreadedDeriveOptions, dmcSeries = true): Promise<{ results: Results; counts: { main: number; worker: number } }> {
  let counts = { main: -1, worker: -1 };
  const results = await threaded.deriveOnThreads(model, { dmcSeries }, { minVisits: 0, ...options, onDone: (c) => (counts = c) });
  return { results, counts };
}

it("finds the compiled worker beside the compiled module", () => {
  expect(threaded.deriveWorkerFile()).toBe(join(ROOT, "lib", "src", "cli", "derive-worker.js"));
});

it("gives deriveRates' results for any model, with or without per-DMC series, every phase derived once", async () => {
  await fc.assert(
    fc.asyncProperty(arbitraryModel, fc.boolean(), fc.boolean(), async (model, dmcSeries, mainDerives) => {
      const { results, counts } = await derived(model, { mainDerives }, dmcSeries);
      expectSameResults(results, deriveRates(model, { dmcSeries }));
      expect(counts.main + counts.worker).toBe(model.phases.length);
      // Told to leave the phases to the worker, this thread derives none of them.
      if (!mainDerives) expect(counts).toEqual({ main: 0, worker: model.phases.length });
    }),
    { numRuns: 10 },
  );
});

it("derives on this thread only below the threshold", async () => {
  const model = fc.sample(arbitraryModel, { numRuns: 1, seed: 3 })[0] as VolumeModel;
  const { results, counts } = await derived(model, { minVisits: Number.MAX_SAFE_INTEGER, mainDerives: false });
  expect(counts).toEqual({ main: model.phases.length, worker: 0 });
  expectSameResults(results, deriveRates(model));
});

it.each([
  ["cannot start (its script throws)", "throw new Error('no worker today');"],
  ["dies holding a phase it claimed", "const { workerData } = require('node:worker_threads'); Atomics.add(workerData.control, 0, 1); process.exit(0);"],
  [
    "dies half-way through a phase, its figures spoiled",
    "const { workerData: { plan, control } } = require('node:worker_threads'); const ph = Atomics.add(control, 0, 1); plan.bySeries.fill(7, 0, plan.bySeries.length); plan.providerHourly.fill(7); if (plan.byDmc) plan.byDmc.fill(7); throw new Error('gone');",
  ],
])("loses no phase when the worker %s: this thread derives it", async (_, script) => {
  const model = fc.sample(arbitraryModel, { numRuns: 1, seed: 11 })[0] as VolumeModel;
  const workerFile = join(tmp.dir, `worker-${script.length}.js`);
  writeFileSync(workerFile, script);
  const { results, counts } = await derived(model, { mainDerives: false, workerFile });
  expect(counts).toEqual({ main: model.phases.length, worker: 0 });
  expectSameResults(results, deriveRates(model));
});

it("sctvm compute derives on two threads from the bundle (test hook) with the same files and run record", () => {
  const run = (out: string, env: NodeJS.ProcessEnv): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [BIN, "compute", SAMPLE_XLSX, "--out", join(tmp.dir, out)], { cwd: tmp.dir, encoding: "utf8", env: { ...process.env, ...env } });
  const plain = run("plain", { SCTVM_DERIVE_THREAD_MIN: undefined });
  const two = run("two", { SCTVM_DERIVE_THREAD_MIN: "0" });
  expect(plain.stderr).not.toMatch(/phases derived/);
  expect(String(two.stderr)).toMatch(/^sctvm: \(SCTVM_DERIVE_THREAD_MIN\) phases derived: \d+ here, \d+ on the worker$/m);
  expect(two.status).toBe(plain.status);
  const files = readdirSync(join(tmp.dir, "plain")).sort();
  expect(readdirSync(join(tmp.dir, "two")).sort()).toEqual(files);
  for (const f of files) expect(readFileSync(join(tmp.dir, "two", f))).toEqual(readFileSync(join(tmp.dir, "plain", f)));
});
