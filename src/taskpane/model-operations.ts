/**
 * The operations both the pane and the ribbon commands run, over the ModelWorkbook port
 * only: read the model tables, analyse them with the engine, write the result sheets.
 */
import { analyseWorkbook, type Analysis } from "../engine";
import type { ModelWorkbook, WriteReport } from "../io/ports";

/** Reads and analyses the model; writes nothing. */
export async function validateModel(workbook: ModelWorkbook): Promise<Analysis> {
  return analyseWorkbook(await workbook.readModel());
}

export interface ComputeOutcome {
  readonly analysis: Analysis;
  readonly report: WriteReport;
  /** The stamp written beside the results. */
  readonly stamp: string;
}

/**
 * Analyses the model and writes the result sheets stamped with `stamp` (on a model with
 * errors the adapter writes the issues sheet only, like `sctvm compute`).
 * @example await computeModel(createOfficeWorkbook(), new Date().toISOString())
 */
export async function computeModel(workbook: ModelWorkbook, stamp: string): Promise<ComputeOutcome> {
  const analysis = await validateModel(workbook);
  const report = await workbook.writeResults(analysis, stamp);
  return { analysis, report, stamp };
}
