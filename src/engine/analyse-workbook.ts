import { findOverflow } from "./check/find-overflow";
import { deriveRates, type DeriveOptions, type PhaseDeriver } from "./derive/derive-rates";
import { estimateDerivation } from "./derive/estimate-derivation";
import { fingerprintModel, type Sha256Hex } from "./fingerprint/fingerprint-model";
import type { WorkbookGrids } from "./model/grid";
import type { Issue } from "./model/issue";
import type { Results } from "./model/results";
import type { VolumeModel } from "./model/types";
import { parseModel } from "./parse/parse-model";
import { makeIssue } from "./validate/issue-catalogue";
import { RULES } from "./validate/rules";
import { runResultsRules } from "./validate/run-rules";

export interface Analysis {
  /** Every issue, errors first, each group in the order found. */
  readonly issues: readonly Issue[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** Present when the model has no errors. */
  readonly model?: VolumeModel;
  readonly results?: Results;
  /** SHA-256 of the canonical parsed model (present with the model). */
  readonly fingerprint?: string;
  /** Present when a model without errors was not derived: it would pass `maxDeriveBytes`. */
  readonly tooLarge?: TooLarge;
}

/** A model refused before deriving, with the figures a user needs to find a way out. */
export interface TooLarge {
  /** What deriving it as asked would allocate. */
  readonly bytes: number;
  /** The same without per-DMC series (what `compute --outputs` without rates-by-dmc needs). */
  readonly bytesWithoutDmcSeries: number;
  readonly budgetBytes: number;
}

/** What an adapter may ask of or lend the engine; the defaults are the engine's own. */
export interface AnalyseOptions {
  /** SHA-256 for the fingerprint (the CLI passes node:crypto's). */
  readonly sha256?: Sha256Hex;
  /** Keep every DMC's series (rates-by-dmc, explain); default true. */
  readonly dmcSeries?: boolean;
  /** Refuse, before deriving, a model whose derivation would allocate more bytes than this. */
  readonly maxDeriveBytes?: number;
  /** Makes the (zeroed) array of every DMC's series; see DeriveOptions. */
  readonly allocateDmcSeries?: (length: number) => Float64Array;
  /** Derives a phase in place of the engine's loop (the same bits); see DeriveOptions. */
  readonly phaseDeriver?: PhaseDeriver;
}

/**
 * Parse, validate, derive and check in one call: what both adapters run.
 * @example const a = analyseWorkbook(grids); if (a.results) a.results.summaries
 */
export function analyseWorkbook(grids: WorkbookGrids, options: AnalyseOptions = {}): Analysis {
  const checked = checkWorkbook(grids, options);
  if ("done" in checked) return checked.done;
  return completeAnalysis(checked, deriveRates(checked.model, deriveOptionsOf(options)), options);
}

/** What `analyseWorkbook` asks of the derivation: for an adapter that derives its own way. */
export function deriveOptionsOf(options: AnalyseOptions): DeriveOptions {
  return { dmcSeries: options.dmcSeries ?? true, allocateDmcSeries: options.allocateDmcSeries, phaseDeriver: options.phaseDeriver };
}

/** A model parsed and validated, to derive; or the analysis, when it ends before deriving. */
export type CheckedWorkbook = { readonly done: Analysis } | CheckedModel;

export interface CheckedModel {
  readonly model: VolumeModel;
  /** The issues found so far (warnings only: a model with errors ends before deriving). */
  readonly issues: readonly Issue[];
}

/**
 * `analyseWorkbook` up to deriving: parse, validate, and the memory budget. An adapter that
 * derives its own way (the CLI, on two threads: the same bits) then calls `completeAnalysis`.
 */
export function checkWorkbook(grids: WorkbookGrids, options: AnalyseOptions = {}): CheckedWorkbook {
  const parsed = parseModel(grids);
  const issues = [...parsed.issues];
  if (!parsed.model) return { done: finish(issues, {}) };
  const model = parsed.model;
  const budgetBytes = options.maxDeriveBytes;
  if (budgetBytes !== undefined) {
    const bytes = estimateDerivation(model, options.dmcSeries ?? true).bytes;
    if (bytes > budgetBytes) return { done: finish(issues, { tooLarge: { bytes, bytesWithoutDmcSeries: estimateDerivation(model, false).bytes, budgetBytes } }) };
  }
  return { model, issues };
}

/** `analyseWorkbook` after deriving: every figure finite, the results rules, the fingerprint. */
export function completeAnalysis(checked: CheckedModel, results: Results, options: AnalyseOptions = {}): Analysis {
  const { model } = checked;
  const issues = [...checked.issues];
  const overflow = findOverflow(model, results);
  // Every derived figure is finite (spec v1.1): an overflow is an error at its input.
  if (overflow.length > 0) return finish([...issues, ...overflow], {});
  runResultsRules(RULES, model, results, (code, table, cell, details) => issues.push(makeIssue(code, table, cell, details)));
  return finish(issues, { model, results, fingerprint: fingerprintModel(model, options.sha256) });
}

function finish(issues: Issue[], rest: Pick<Analysis, "model" | "results" | "fingerprint" | "tooLarge">): Analysis {
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  return { issues: [...errors, ...warnings], errorCount: errors.length, warningCount: warnings.length, ...rest };
}
