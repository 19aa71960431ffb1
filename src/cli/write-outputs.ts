import { buildIssueTable, formatCsv, OUTPUT_FILES, OUTPUT_LIST, seriesCsvHeader, seriesTableCsvChunks, type Analysis, type OutputFile, type OutputInput, type SeriesPrinter, type SeriesTable } from "../engine";
import { writeOutputSet, type OutputFileText } from "./output-set";
import { nativeSeriesPrinter } from "./native-addon";
import { threadedSeriesFile, THREADED_MIN_FIGURES, worthThreads } from "./threaded-series";
import { BlockBuffers, wholeNumberHook } from "./worker-support";

export { RUN_RECORD } from "./output-set";

/**
 * Writes the outputs of an analysis into `outDir` as one set (see `writeOutputSet`): the
 * `chosen` outputs (all five by default), or only issues.csv on errors; outputs of an
 * earlier run that this run does not write are removed, so a folder never pairs new files
 * with stale ones. Outputs that grow with the model (the rates files) are written in chunks
 * as they are made. The run record `sctvm-run.json` comes last and lists only the files
 * written. Returns the file names written (the run record not included).
 */
export async function writeOutputs(a: Analysis, outDir: string, model = "", chosen: readonly OutputFile[] = OUTPUT_FILES): Promise<string[]> {
  const meta = { command: "compute", model, fingerprint: a.fingerprint ?? null };
  if (!a.model || !a.results) {
    const stale = OUTPUT_FILES.filter((f) => f !== "issues.csv");
    await writeOutputSet(outDir, [{ file: "issues.csv", text: formatCsv(buildIssueTable(a.issues)) }], meta, stale);
    return ["issues.csv"];
  }
  const files = outputFileTexts({ model: a.model, results: a.results, issues: a.issues }, chosen, threadedMinFigures(), threadHookReport());
  await writeOutputSet(outDir, files, meta, OUTPUT_FILES.filter((f) => !chosen.includes(f)));
  return files.map((f) => f.file);
}

/** The chosen outputs, as made on this thread only (bench, tests). */
export function outputFileTexts(input: OutputInput, chosen?: readonly OutputFile[]): SyncOutputFileText[];
/**
 * The chosen outputs as `compute` writes them: the rates files as UTF-8 byte chunks made as
 * they are consumed, on two threads when a file has at least `threadedMin` figures (see
 * threaded-series.ts), the others as whole text.
 */
export function outputFileTexts(input: OutputInput, chosen: readonly OutputFile[], threadedMin: number, report?: (file: OutputFile, blocks: { main: number; worker: number }) => void): OutputFileText[];
export function outputFileTexts(
  input: OutputInput,
  chosen: readonly OutputFile[] = OUTPUT_FILES,
  threadedMin = Number.POSITIVE_INFINITY,
  report?: (file: OutputFile, blocks: { main: number; worker: number }) => void,
): OutputFileText[] {
  const printer = nativeSeriesPrinter();
  return OUTPUT_LIST.filter((o) => chosen.includes(o.file)).map((o) => {
    const table = o.seriesTable?.(input);
    if (table && worthThreads(table, threadedMin)) {
      const { text, recycle } = threadedSeriesFile(table, seriesCsvHeader(o.columns), { printer, onDone: (blocks) => report?.(o.file, blocks) });
      return { file: o.file, text, recycle };
    }
    // The table made once serves this thread's path too (with the native printer when there is one).
    if (table) return printer ? recycledBlocks(o.file, table, o.columns, printer) : { file: o.file, text: seriesTableCsvChunks(table, o.columns) };
    return { file: o.file, text: o.csvChunks ? o.csvChunks(input) : o.csv(input) };
  });
}

/** An output file made on this thread: whole text or chunks made as they are consumed. */
export interface SyncOutputFileText {
  readonly file: OutputFile;
  readonly text: string | Iterable<Uint8Array>;
  /** See OutputFileText: a chunk handed back once written is printed into again. */
  readonly recycle?: (chunk: Uint8Array) => void;
}

/**
 * Figures from which a rates file is printed on two threads: THREADED_MIN_FIGURES, or the
 * test hook SCTVM_SERIES_THREAD_MIN (a whole number; 0 threads every rates file) so the
 * end-to-end tests can run the threaded path on a small model.
 */
function threadedMinFigures(): number {
  return wholeNumberHook("SCTVM_SERIES_THREAD_MIN") ?? THREADED_MIN_FIGURES;
}

/** Under the test hook, a line on stderr for each file printed on two threads (how the blocks were shared). */
function threadHookReport(): ((file: OutputFile, blocks: { main: number; worker: number }) => void) | undefined {
  if (process.env.SCTVM_SERIES_THREAD_MIN === undefined) return undefined;
  return (file, { main, worker }) => process.stderr.write(`sctvm: (SCTVM_SERIES_THREAD_MIN) ${file} printed on two threads: ${main} blocks here, ${worker} on the worker\n`);
}

/**
 * A rates file printed on this thread in blocks, each block's buffer handed back by the
 * writer once written (`recycle`) and printed into again: a few buffers for the whole file
 * instead of a new ~2 MB array a block.
 */
function recycledBlocks(file: OutputFile, table: SeriesTable, columns: readonly string[], printer: SeriesPrinter): OutputFileText {
  const buffers = new BlockBuffers();
  function* marked(): Generator<Uint8Array> {
    let header = true;
    for (const chunk of seriesTableCsvChunks(table, columns, printer, undefined, () => buffers.take())) {
      // The header is the engine's own array, never printed into.
      yield header ? chunk : buffers.mark(chunk);
      header = false;
    }
  }
  return {
    file,
    text: marked(),
    recycle: (chunk) => {
      const whole = buffers.claim(chunk);
      if (whole) buffers.keep(whole);
    },
  };
}
