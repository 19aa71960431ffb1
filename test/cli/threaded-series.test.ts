/**
 * A large rates file printed on two threads (src/cli/threaded-series.ts) must be byte for
 * byte what one thread prints, however the blocks fall between the threads, and must not
 * lose a block when its worker cannot start or dies holding blocks. These run the compiled
 * module (lib/) so that a real worker thread runs lib/src/cli/series-worker.js.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { analyseWorkbook, OUTPUTS, type OutputInput } from "../../src/engine";
import { seriesCount, seriesCsvChunks, seriesCsvHeader, seriesLinesBytes, seriesTable, type SeriesTable } from "../../src/engine/output/rates-series";
import type * as Threaded from "../../src/cli/threaded-series";
import { arbitraryModelTables, tablesToGrids } from "../support/arbitrary-model";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { BIN, makeTempDir, ROOT } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";

jest.setTimeout(120_000);
let threaded: typeof Threaded;
let tmp: ReturnType<typeof makeTempDir>;
beforeAll(async () => {
  await ensureCliBuilt();
  threaded = require(join(ROOT, "lib", "src", "cli", "threaded-series.js")) as typeof Threaded;
  tmp = makeTempDir("threaded");
}, 180_000);
afterAll(() => tmp?.remove());

function inputOf(tables: Parameters<typeof tablesToGrids>[0]): OutputInput {
  const a = analyseWorkbook(tablesToGrids(tables));
  if (!a.model || !a.results) throw new Error(`generator made an invalid model: ${a.issues.map((i) => i.code).join(", ")}`);
  return { model: a.model, results: a.results, issues: a.issues };
}

async function printed(table: SeriesTable, options: Threaded.ThreadedOptions): Promise<{ bytes: Buffer; blocks: { main: number; worker: number } }> {
  let blocks = { main: -1, worker: -1 };
  const chunks: Buffer[] = [];
  const header = seriesCsvHeader(OUTPUTS["rates-by-dmc.csv"].columns);
  for await (const chunk of threaded.threadedSeriesChunks(table, header, { ...options, onDone: (b) => (blocks = b) })) chunks.push(Buffer.from(chunk));
  return { bytes: Buffer.concat(chunks), blocks };
}

const oneThread = (input: OutputInput): Buffer => Buffer.concat([...seriesCsvChunks(input, "dmc", OUTPUTS["rates-by-dmc.csv"].columns)]);
const blocksOf = (table: SeriesTable, blockSeries: number): number => Math.ceil(seriesCount(table) / blockSeries);

it("finds the compiled worker beside the compiled module", () => {
  expect(threaded.seriesWorkerFile()).toBe(join(ROOT, "lib", "src", "cli", "series-worker.js"));
});

it("prints exactly the one-thread bytes for any model, however small the blocks and the lead, every block printed once", async () => {
  await fc.assert(
    fc.asyncProperty(arbitraryModelTables, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), async (tables, blockSeries, ahead) => {
      const input = inputOf(tables);
      const table = seriesTable(input, "dmc");
      const { bytes, blocks } = await printed(table, { blockSeries, ahead });
      expect(bytes).toEqual(oneThread(input));
      expect(blocks.main + blocks.worker).toBe(blocksOf(table, blockSeries));
    }),
    { numRuns: 12 },
  );
});

it("gives the worker every block when this thread does not print, and still writes the same bytes", async () => {
  const input = inputOf(fc.sample(arbitraryModelTables, { numRuns: 1, seed: 7 })[0] as Parameters<typeof tablesToGrids>[0]);
  const table = seriesTable(input, "dmc");
  const { bytes, blocks } = await printed(table, { blockSeries: 1, ahead: 2, mainPrints: false });
  expect(blocks).toEqual({ main: 0, worker: blocksOf(table, 1) });
  expect(bytes).toEqual(oneThread(input));
});

it("prints with the native printer on both threads when given it: the same bytes", async () => {
  const native = (require(join(ROOT, "lib", "src", "cli", "native-addon.js")) as typeof import("../../src/cli/native-addon")).nativeSeriesPrinter();
  expect(native).toBeDefined();
  const input = inputOf(fc.sample(arbitraryModelTables, { numRuns: 1, seed: 5 })[0] as Parameters<typeof tablesToGrids>[0]);
  const table = seriesTable(input, "dmc");
  for (const mainPrints of [false, true]) {
    const { bytes, blocks } = await printed(table, { blockSeries: 1, ahead: 2, mainPrints, printer: native });
    expect(bytes).toEqual(oneThread(input));
    expect(blocks.main + blocks.worker).toBe(blocksOf(table, 1));
    if (!mainPrints) expect(blocks.worker).toBe(blocksOf(table, 1));
  }
});

it.each([
  ["cannot start (its script throws)", "throw new Error('no worker today');"],
  ["dies holding three blocks it claimed", "const { workerData } = require('node:worker_threads'); Atomics.add(workerData.control, 0, 3); process.exit(0);"],
])("loses no block when the worker %s: this thread prints them", async (_, script) => {
  const input = inputOf(fc.sample(arbitraryModelTables, { numRuns: 1, seed: 11 })[0] as Parameters<typeof tablesToGrids>[0]);
  const table = seriesTable(input, "dmc");
  const workerFile = join(tmp.dir, `worker-${script.length}.js`);
  writeFileSync(workerFile, script);
  const { bytes, blocks } = await printed(table, { blockSeries: 1, ahead: 2, mainPrints: false, workerFile });
  expect(blocks).toEqual({ main: blocksOf(table, 1), worker: 0 });
  expect(bytes).toEqual(oneThread(input));
});

describe("buffers handed back by the writer (threadedSeriesFile's recycle)", () => {
  const header = seriesCsvHeader(OUTPUTS["rates-by-dmc.csv"].columns);
  // 2 groups × 40 DMCs of varied name length, some series all zero: 80 blocks of one series.
  const table: SeriesTable = {
    groupPrefixes: ["IOC,DSP,", "MOC,S1SP,"],
    itemPrefixes: Array.from({ length: 40 }, (_, d) => `${"DMC".repeat(1 + (d % 7))}-${d},`),
    values: Float64Array.from({ length: 2 * 40 * 24 }, (_, k) => (Math.floor(k / 24) % 9 === 4 ? 0 : ((k * 7919) % 1000) / 7)),
  };
  const expected = (): Buffer => Buffer.concat([Buffer.from(header), Buffer.from(seriesLinesBytes(table, 0, seriesCount(table)))]);

  it("print this thread's later blocks into them: a few buffers for the whole file, the same bytes", async () => {
    const workerFile = join(tmp.dir, "no-worker.js");
    writeFileSync(workerFile, "throw new Error('no worker today');");
    const { text, recycle } = threaded.threadedSeriesFile(table, header, { blockSeries: 1, ahead: 2, workerFile });
    const chunks: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    let blocks = 0;
    for await (const chunk of text) {
      chunks.push(Buffer.from(chunk));
      if (chunks.length > 1) {
        buffers.add(chunk.buffer);
        blocks++;
      }
      recycle(chunk);
    }
    expect(Buffer.concat(chunks)).toEqual(expected());
    expect(blocks).toBeGreaterThan(60);
    // A block larger than every buffer handed back gets a new one; most fit.
    expect(buffers.size).toBeLessThan(blocks / 2);
  });

  it("go back to the worker for the blocks it printed (moved, not copied), the same bytes", async () => {
    const { text, recycle } = threaded.threadedSeriesFile(table, header, { blockSeries: 1, ahead: 2, mainPrints: false });
    const chunks: Buffer[] = [];
    let handedBack = 0;
    for await (const chunk of text) {
      chunks.push(Buffer.from(chunk));
      recycle(chunk);
      if (chunks.length > 1 && chunk.buffer.byteLength === 0) handedBack++;
    }
    expect(Buffer.concat(chunks)).toEqual(expected());
    expect(handedBack).toBeGreaterThan(60);
    expect(handedBack).toBe(chunks.length - 1);
  });
});

it("sctvm compute prints the rates files on two threads from the bundle (test hook) with the same files and run record", () => {
  const run = (out: string, env: NodeJS.ProcessEnv): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [BIN, "compute", SAMPLE_XLSX, "--out", join(tmp.dir, out)], { cwd: tmp.dir, encoding: "utf8", env: { ...process.env, ...env } });
  const plain = run("plain", { SCTVM_SERIES_THREAD_MIN: undefined });
  const two = run("two", { SCTVM_SERIES_THREAD_MIN: "0" });
  expect(plain.stderr).not.toMatch(/two threads/);
  expect(String(two.stderr).match(/printed on two threads/g)).toHaveLength(2);
  expect(two.status).toBe(plain.status);
  const files = readdirSync(join(tmp.dir, "plain")).sort();
  expect(readdirSync(join(tmp.dir, "two")).sort()).toEqual(files);
  for (const f of files) expect(readFileSync(join(tmp.dir, "two", f))).toEqual(readFileSync(join(tmp.dir, "plain", f)));
});
