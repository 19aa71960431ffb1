/**
 * One cold `compute` done stage by stage in a fresh process, so the stages add up to what
 * the CLI spends: node start-up, loading the modules (engine, .xlsx reader), reading the .xlsx
 * and analysing it with what the CLI lends (the native addon's sheet scanner and derivation),
 * making the five CSV files (`outputFileTexts`, as `writeOutputs` does, every chunk made),
 * writing them as one set (`writeOutputSet`: temporary files, renames, run record).
 * Usage: node lib/bench/split-child.js <model.xlsx> <outDir>; reports on stderr.
 */
import { writeReport } from "./child-report";

/** Milliseconds per stage, in order. */
export interface SplitReport {
  readonly bootMs: number;
  readonly loadModulesMs: number;
  readonly readXlsxMs: number;
  readonly analyseMs: number;
  readonly csvMs: number;
  readonly writeFilesMs: number;
  readonly maxRssKb: number;
}

async function run(file: string, outDir: string): Promise<void> {
  const bootMs = performance.now();
  const engine = await import("../src/engine");
  const { readWorkbookFile } = await import("../src/io/xlsx/read-workbook-file");
  const { outputFileTexts } = await import("../src/cli/write-outputs");
  const { writeOutputSet } = await import("../src/cli/output-set");
  const { cliAnalyseOptions, cliReadOptions } = await import("../src/cli/io");
  const t1 = performance.now();
  const grids = await readWorkbookFile(file, cliReadOptions());
  const t2 = performance.now();
  const a = engine.analyseWorkbook(grids, cliAnalyseOptions());
  const t3 = performance.now();
  if (!a.model || !a.results) throw new Error(`the model has ${a.errorCount} error(s)`);
  const files = outputFileTexts({ model: a.model, results: a.results, issues: a.issues }).map((f) => ({ file: f.file, text: typeof f.text === "string" ? f.text : [...f.text] }));
  const t4 = performance.now();
  await writeOutputSet(outDir, files, { command: "compute", model: file, fingerprint: a.fingerprint ?? null }, []);
  const t5 = performance.now();
  const report: SplitReport = {
    bootMs,
    loadModulesMs: t1 - bootMs,
    readXlsxMs: t2 - t1,
    analyseMs: t3 - t2,
    csvMs: t4 - t3,
    writeFilesMs: t5 - t4,
    maxRssKb: process.resourceUsage().maxRSS,
  };
  writeReport(report);
}

const [file, outDir] = process.argv.slice(2);
if (file === undefined || outDir === undefined) {
  process.stderr.write("usage: split-child <model.xlsx> <outDir>\n");
  process.exitCode = 3;
} else {
  run(file, outDir).catch((err: unknown) => {
    process.stderr.write(`split-child: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 3;
  });
}
