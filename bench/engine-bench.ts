/**
 * Section (1) of the bench: the engine alone, in this process, after warm-up: the whole
 * `analyseWorkbook` and its stages; the five CSV files as the CLI makes them
 * (`outputFileTexts`: the rates files as byte chunks straight from the typed arrays); the five row tables as the add-in
 * makes them (`buildOutputTables`) and `formatCsv` over those; and the heap each keeps.
 */
import { analyseWorkbook, buildOutputTables, formatCsv, type Analysis, type WorkbookGrids } from "../src/engine";
import { outputFileTexts } from "../src/cli/write-outputs";
import { deriveRates } from "../src/engine/derive/derive-rates";
import { fingerprintModel } from "../src/engine/fingerprint/fingerprint-model";
import { parseModel } from "../src/engine/parse/parse-model";
import { retainedHeap, time, type Timing } from "./measure";

export interface EngineFigures {
  /** parse → validate → derive → check (+ fingerprint): `analyseWorkbook(grids)`. */
  readonly analyse: Timing;
  readonly parse: Timing;
  readonly derive: Timing;
  readonly fingerprint: Timing;
  /** The CLI's path: the five CSV files from the results, every chunk made. */
  readonly cliCsv: Timing;
  /** The add-in's path: five tables of row arrays. */
  readonly buildTables: Timing;
  /** `formatCsv` over the five row tables. */
  readonly formatCsv: Timing;
  /** Bytes (V8 heap + ArrayBuffers) kept by each result (full GC around each). */
  readonly heap: { readonly grids: number; readonly analysis: number; readonly tables: number; readonly csvText: number };
}

/** Throws unless the analysis has a model and results: the bench model must be valid. */
export function requireValid(a: Analysis, what: string): asserts a is Analysis & Required<Pick<Analysis, "model" | "results">> {
  if (a.errorCount > 0 || !a.model || !a.results) {
    const first = a.issues.slice(0, 5).map((i) => `${i.code} ${i.cell}: ${i.message}`).join("\n  ");
    throw new Error(`${what}: expected 0 errors, got ${a.errorCount}\n  ${first}`);
  }
}

/**
 * Times the engine on `grids` (`warmup` untimed runs, then `runs` timed ones per figure).
 * @example benchEngine(() => grids, 5, 30).analyse.median
 */
export function benchEngine(makeGrids: () => WorkbookGrids, warmup: number, runs: number): EngineFigures {
  const { value: grids, bytes: gridBytes } = retainedHeap(makeGrids);
  const { value: analysis, bytes: analysisBytes } = retainedHeap(() => analyseWorkbook(grids));
  requireValid(analysis, "engine bench");
  const { model, results, issues } = analysis;
  const { value: tables, bytes: tableBytes } = retainedHeap(() => buildOutputTables(model, results, issues));
  const cliCsv = (): (string | Uint8Array[])[] => outputFileTexts({ model, results, issues }).map((f) => (typeof f.text === "string" ? f.text : [...f.text]));
  const { bytes: csvBytes } = retainedHeap(cliCsv);
  return {
    analyse: time(() => analyseWorkbook(grids), warmup, runs),
    parse: time(() => parseModel(grids), warmup, runs),
    derive: time(() => deriveRates(model), warmup, runs),
    fingerprint: time(() => fingerprintModel(model), warmup, runs),
    cliCsv: time(cliCsv, warmup, runs),
    buildTables: time(() => buildOutputTables(model, results, issues), warmup, runs),
    formatCsv: time(() => tables.map(formatCsv), warmup, runs),
    heap: { grids: gridBytes, analysis: analysisBytes, tables: tableBytes, csvText: csvBytes },
  };
}
