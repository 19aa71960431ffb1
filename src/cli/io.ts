/** What every command shares: where output goes, the working folder, reading a model. */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { checkWorkbook, completeAnalysis, deriveOptionsOf, type Analysis, type AnalyseOptions, type Issue } from "../engine";
import { readWorkbookFile, type ReadOptions } from "../io/xlsx/read-workbook-file";
import { escapeControls } from "./escape-controls";
import { memoryBudgetBytes, tooLargeMessage } from "./memory-budget";
import { nativePhaseDeriver, nativeSheetScanner } from "./native-addon";
import { deriveOnThreads, type ThreadedDeriveOptions } from "./threaded-derive";
import { UsageError } from "./usage-error";
import { sharedFigures, wholeNumberHook } from "./worker-support";

export interface Io {
  /** One line (or block) to stdout. */
  readonly out: (text: string) => void;
  /** One line to stderr. */
  readonly err: (text: string) => void;
  readonly cwd: string;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
  // One call, one line: control characters from workbook text cannot split or forge lines.
  err: (t) => process.stderr.write(`${escapeControls(t.endsWith("\n") ? t.slice(0, -1) : t)}\n`),
  cwd: process.cwd(),
};

/** The package folder (holds package.json and examples/), from src/cli or lib/src/cli alike. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`internal error: no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** SHA-256 by node:crypto: the same digest as the engine's pure one, about ten times faster. */
export const nodeSha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * What the CLI lends the engine (see AnalyseOptions): node:crypto's SHA-256 for the
 * fingerprint, every DMC's series in shared memory, so the series worker prints
 * rates-by-dmc from the figures where they are (threaded-series.ts), and the native
 * derivation of a phase when the addon is built (native-addon.ts).
 */
export function cliAnalyseOptions(): AnalyseOptions {
  return { sha256: nodeSha256, allocateDmcSeries: sharedFigures, phaseDeriver: nativePhaseDeriver() };
}

/** What the CLI lends the .xlsx reader: the native scanner of plain worksheet parts when the addon is built. */
export function cliReadOptions(): ReadOptions {
  return { sheetScanner: nativeSheetScanner() };
}

export interface AnalyseFileOptions {
  /** Keep every DMC's series (rates-by-dmc, explain, compare); default true. */
  readonly dmcSeries?: boolean;
  /** For a model over the memory budget: the `--outputs` list without rates-by-dmc to suggest. */
  readonly outputsWithoutDmc?: string;
}

/**
 * Reads and analyses a workbook given relative to the working folder. A model whose
 * derivation would pass the memory budget is refused before deriving (UsageError: one
 * line with the figure, the budget and the way out; exit 3).
 */
export async function analyseFile(path: string, io: Io, options: AnalyseFileOptions = {}): Promise<Analysis> {
  const maxDeriveBytes = memoryBudgetBytes();
  const analyseOptions: AnalyseOptions = { ...cliAnalyseOptions(), dmcSeries: options.dmcSeries ?? true, maxDeriveBytes };
  const checked = checkWorkbook(await readWorkbookFile(resolve(io.cwd, path), cliReadOptions()), analyseOptions);
  if ("done" in checked) {
    if (checked.done.tooLarge) throw new UsageError(tooLargeMessage(path, checked.done.tooLarge, options.outputsWithoutDmc));
    return checked.done;
  }
  const results = await deriveOnThreads(checked.model, deriveOptionsOf(analyseOptions), deriveThreadOptions());
  return completeAnalysis(checked, results, analyseOptions);
}

/**
 * Row visits from which a derivation runs on two threads: THREADED_MIN_VISITS, or the test
 * hook SCTVM_DERIVE_THREAD_MIN (a whole number; 0 threads every model of two or more
 * phases), under which a line on stderr says how the phases were shared.
 */
function deriveThreadOptions(): ThreadedDeriveOptions {
  const minVisits = wholeNumberHook("SCTVM_DERIVE_THREAD_MIN");
  if (minVisits === undefined) return {};
  return {
    minVisits,
    onDone: ({ main, worker }) => process.stderr.write(`sctvm: (SCTVM_DERIVE_THREAD_MIN) phases derived: ${main} here, ${worker} on the worker\n`),
  };
}

/** An issue as one stderr line. */
export function issueLine(i: Issue): string {
  return escapeControls(`${i.severity}: ${i.code} ${i.cell || i.table}: ${i.message}`);
}
