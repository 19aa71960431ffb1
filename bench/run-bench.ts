/**
 * `npm run bench`: figures for the large model (3 phases × 500 DMCs × 200 transaction rows
 * × 6 providers) beside the targets. A benchmark, not a test: it fails only when the model
 * it generates is not valid or a child process breaks, never on a slow figure.
 * Temporary files go to os.tmpdir() and are removed at the end.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { analyseWorkbook } from "../src/engine";
import { readWorkbookFile, type ReadOptions } from "../src/io/xlsx/read-workbook-file";
import { cliReadOptions } from "../src/cli/io";
import { renderTable } from "../src/cli/render-table";
import { buildLargeModel, largeModelGrids, writeLargeModelXlsx } from "./build-large-model";
import { cliMemory, cliSplit, csvStats, runCompute, timeCli, timeNodeStartup } from "./cli-bench";
import { benchEngine, requireValid } from "./engine-bench";
import { benchExports } from "./export-bench";
import { canCollect, mb, ms, summarise, type Timing } from "./measure";
import { outputsDisagree, pandasMissing, timeSideBySide } from "./pandas-bench";

const ENGINE_WARMUP = 5;
const ENGINE_RUNS = 30;
const CLI_RUNS = 5;
const READ_RUNS = 10;
/** Pairs of runs (sctvm, pandas) in (5). */
const PAIRS = 9;
/** 33,334 DMCs × 3 phases = 100,002 Volumes rows (issue 9's "100,000 Volumes rows"). */
const HUGE_SHAPE = { seed: 20210801, dmcs: 33_334, transactions: 60, overrides: 50 };
const TARGET = { readMs: 100, hugeMs: 5000, hugeMb: 1024, engineMs: 300, cliMs: 800, pandasRatio: 6, peakMb: 500, exportMs: 500 };
const EXPORT_RUNS = 10;

type Row = [figure: string, median: string, min: string, cpu: string, target: string];
const timed = (figure: string, t: Timing, target = ""): Row => [figure, ms(t.median), ms(t.min), t.cpuMedian === undefined ? "" : ms(t.cpuMedian), target];
const heading = (title: string, value = "median"): Row => [title, value, value === "median" ? "min" : "", value === "median" ? "cpu" : "", "target"];
const blank: Row = ["", "", "", "", ""];
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(" ");

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sctvm-bench-"));
  try {
    const loadBefore = load();
    const model = buildLargeModel();
    const grids = largeModelGrids(model);
    const fromGrids = analyseWorkbook(grids);
    requireValid(fromGrids, "large model (grids)");
    const xlsx = join(dir, "large-model.xlsx");
    await writeLargeModelXlsx(model, xlsx);
    const fromXlsx = analyseWorkbook(await readWorkbookFile(xlsx));
    requireValid(fromXlsx, "large model (.xlsx)");
    if (fromXlsx.fingerprint !== fromGrids.fingerprint) throw new Error("the .xlsx does not parse to the same model as the grids");

    const m = fromGrids.model;
    const counts = Object.entries(model.tables).map(([name, rows]) => `${name} ${rows.length - 1}`).join(", ");
    console.log(`sctvm bench: ${m.phases.length} phases × ${m.dmcs.length} DMCs × ${m.transactions.length} transaction rows × ${m.providers.length} providers (seed ${model.shape.seed}), node ${process.version}`);
    console.log(`  rows: ${counts}`);
    console.log(`  .xlsx ${(statSync(xlsx).size / 1024).toFixed(0)} kB; ${fromGrids.errorCount} errors, ${fromGrids.warningCount} warnings; same model from grids and .xlsx (fingerprint ${fromGrids.fingerprint?.slice(0, 12)}…)`);
    if (!canCollect()) console.log("  (run under node --expose-gc for the heap figures)");

    const engine = benchEngine(() => largeModelGrids(buildLargeModel()), ENGINE_WARMUP, ENGINE_RUNS);
    const outDir = join(dir, "out");
    const startup = timeNodeStartup(CLI_RUNS);
    const { NODE_EXTRA_CA_CERTS: extraCaCerts, ...withoutExtraCerts } = process.env;
    const startupWithoutCerts = extraCaCerts ? timeNodeStartup(CLI_RUNS, withoutExtraCerts) : undefined;
    const cli = timeCli(xlsx, outDir, CLI_RUNS);
    const child = cliMemory(xlsx, join(dir, "child"), CLI_RUNS);
    const split = cliSplit(xlsx, join(dir, "split"), CLI_RUNS);
    const peakKb = Math.max(...child.map((c) => c.maxRssKb));
    const childWall = summarise(child.map((c) => c.uptimeMs));
    const childTiming: Timing = { ...childWall, cpuMedian: summarise(child.map((c) => c.cpuMs)).median };
    console.log(`  load average (1, 5, 15 min): ${loadBefore} before, ${load()} after; wall times on a busy machine include waiting for a core (cpu = user + system of all threads)`);
    console.log("");

    const timeReads = async (options: ReadOptions): Promise<Timing> => {
      const reads: number[] = [];
      for (let i = 0; i < READ_RUNS + 2; i++) {
        const t0 = performance.now();
        await readWorkbookFile(xlsx, options);
        if (i >= 2) reads.push(performance.now() - t0);
      }
      return summarise(reads);
    };
    const rows: Row[] = [
      timed(`readWorkbookFile: the .xlsx to grids as the CLI reads it, warm (${READ_RUNS} runs)`, await timeReads(cliReadOptions()), `< ${TARGET.readMs} ms`),
      timed("  same, every part read by the JavaScript scanner (no native addon)", await timeReads({})),
      timed(`analyseWorkbook: parse→validate→derive→check (${ENGINE_RUNS} runs)`, engine.analyse, `< ${TARGET.engineMs} ms`),
      timed("  parseModel: parse + validate", engine.parse),
      timed("  deriveRates: derive + check", engine.derive),
      timed("  fingerprintModel (SHA-256 of the canonical model)", engine.fingerprint),
      timed("outputFileTexts: the 5 CSV files from results (CLI path; rates as byte chunks)", engine.cliCsv),
      timed("buildOutputTables: 5 row tables (add-in path)", engine.buildTables),
      timed("formatCsv over the 5 row tables", engine.formatCsv),
      blank,
      heading(`(2) CLI, child processes (${CLI_RUNS} runs each)`),
      timed(`node bin/sctvm.js compute, end to end (exit ${cli.exitCode})`, cli.timing, `< ${TARGET.cliMs} ms`),
      timed("  same, under bench/cli-child (process start to exit)", childTiming),
      timed("  node start-up alone (node -e 0)", startup),
      ...(startupWithoutCerts ? [timed(`  same with NODE_EXTRA_CA_CERTS unset (set here to ${extraCaCerts}, which Node 20 reads at every start)`, startupWithoutCerts)] : []),
      timed("  cold split (lib/src modules, no bundle or code cache): node boot to first line", split.bootMs),
      timed("  cold split: load modules (engine, yauzl, reader)", split.loadModulesMs),
      timed("  cold split: read .xlsx (first read in the process)", split.readXlsxMs),
      timed("  cold split: analyseWorkbook (first run, no warm-up)", split.analyseMs),
      timed("  cold split: the 5 CSV files made (outputFileTexts, every chunk)", split.csvMs),
      timed("  cold split: write them as one set (writeOutputSet)", split.writeFilesMs),
      blank,
      heading("(3) memory", "value"),
      [`CLI child peak RSS (max of ${CLI_RUNS}, getrusage maxRSS)`, mb(peakKb * 1024), "", "", `< ${TARGET.peakMb} MB`],
      ["  CLI child V8 heap used at exit", mb(Math.max(...child.map((c) => c.heapUsed))), "", "", ""],
      ["  engine, retained: input grids", mb(engine.heap.grids), "", "", ""],
      ["  engine, retained: analysis (model, results, issues)", mb(engine.heap.analysis), "", "", ""],
      ["  engine, retained: 5 output tables (row arrays)", mb(engine.heap.tables), "", "", ""],
      ["  engine, retained: the 5 CSV files, every chunk (outputFileTexts)", mb(engine.heap.csvText), "", "", ""],
    ];
    console.log(renderTable(heading("(1) engine, in process, warm"), rows, new Set([1, 2, 3])));
    console.log("");
    const exportFigures = benchExports(fromGrids, 2, EXPORT_RUNS);
    console.log("");
    console.log(
      renderTable(
        heading(`(4) export --format all, every provider of one phase, after reading (${EXPORT_RUNS} runs)`),
        exportFigures.map((e) => timed(`  ${e.phase}: ${e.files} files, ${e.series} series, ${(e.bytes / 1e6).toFixed(1)} MB of text`, e.timing, `< ${TARGET.exportMs} ms`)),
        new Set([1, 2, 3]),
      ),
    );
    console.log("");
    sideBySide(xlsx, join(dir, "side"), childTiming.cpuMedian);
    await hugeModel(dir);
    console.log(renderTable(["CSV file (large model)", "rows", "bytes"], csvStats(outDir).map((c) => [c.file, String(c.rows), String(c.bytes)]), new Set([1, 2])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * (5) `sctvm compute` against a pandas pipeline writing the same five files, after checking
 * they agree, in pairs of runs taken one after the other (timeSideBySide).
 */
function sideBySide(xlsx: string, dir: string, sctvmCpuMedian: number | undefined): void {
  const missing = pandasMissing();
  if (missing) {
    console.log(`(5) side by side with pandas: not measured, ${missing}`);
    console.log("");
    return;
  }
  const pandasOut = join(dir, "pandas");
  const sctvmOut = join(dir, "sctvm");
  const side = timeSideBySide(xlsx, sctvmOut, pandasOut, PAIRS, () => runCompute(xlsx, sctvmOut));
  const disagree = outputsDisagree(sctvmOut, pandasOut);
  if (disagree) throw new Error(`the pandas pipeline and sctvm disagree: ${disagree}`);
  const { pandas, ratios } = side;
  const cpuRatio = sctvmCpuMedian && pandas.timing.cpuMedian ? `${(pandas.timing.cpuMedian / sctvmCpuMedian).toFixed(1)}×` : "";
  console.log(
    renderTable(
      heading(`(5) the large model, xlsx in, five CSVs out, side by side, ${PAIRS} pairs of runs one after the other (same files: keys equal, figures within 1e-9)`),
      [
        timed("node bin/sctvm.js compute (cpu from (2)'s cli-child runs)", { ...side.sctvm, cpuMedian: sctvmCpuMedian }, `< ${TARGET.cliMs} ms`),
        timed(`/usr/bin/python3 bench/pandas_pipeline.py (peak RSS ${mb(pandas.maxRssKb * 1024)})`, pandas.timing),
        ["  pandas ÷ sctvm, pair by pair (median (min–max); cpu: medians)", `${ratios.median.toFixed(1)}× (${ratios.min.toFixed(1)}–${ratios.max.toFixed(1)})`, "", cpuRatio, `≥ ${TARGET.pandasRatio}×`],
      ],
      new Set([1, 2, 3]),
    ),
  );
  console.log("");
}

/** (6) The 100,002-Volumes-row model through the CLI: every output, then summary and hourly only. */
async function hugeModel(dir: string): Promise<void> {
  const huge = buildLargeModel(HUGE_SHAPE);
  const hugeXlsx = join(dir, "huge-model.xlsx");
  await writeLargeModelXlsx(huge, hugeXlsx);
  const volumesRows = (huge.tables.Volumes?.length ?? 1) - 1;
  const runs = [
    { label: "every output", extra: [] as string[] },
    { label: "--outputs summary,hourly", extra: ["--outputs", "summary,hourly"] },
  ].map(({ label, extra }) => ({ label, report: cliMemory(hugeXlsx, join(dir, "huge-out"), 1, extra)[0] }));
  console.log(
    renderTable(
      [`(6) ${volumesRows.toLocaleString("en-GB")} Volumes rows (${HUGE_SHAPE.dmcs.toLocaleString("en-GB")} DMCs × 3 phases, ${HUGE_SHAPE.transactions} transaction rows; .xlsx ${(statSync(hugeXlsx).size / 1e6).toFixed(1)} MB), one CLI run each`, "wall", "cpu", "peak RSS", "exit", "target"],
      runs.map(({ label, report }) => [`  compute, ${label}`, ms(report?.uptimeMs ?? Number.NaN), ms(report?.cpuMs ?? Number.NaN), mb((report?.maxRssKb ?? 0) * 1024), String(report?.exitCode), `< ${TARGET.hugeMs} ms, < ${TARGET.hugeMb} MB`]),
      new Set([1, 2, 3]),
    ),
  );
  console.log("");
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
