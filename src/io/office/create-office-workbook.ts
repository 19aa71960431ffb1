import { parseA1Address, type Analysis, type WorkbookGrids } from "../../engine";
import type { InsertReport, ModelWorkbook, ResultSheetCell, SelectedResultCell, WriteReport } from "../ports";
import { excelRun, type ExcelRun } from "./excel-run";
import { calculateWorkbook, readCalculationMode } from "./calculation";
import { attemptHost } from "./host-error";
import { insertTemplateTables } from "./insert-template";
import { readModelGrids } from "./read-model-grids";
import { readSelectedResult } from "./selected-result";
import { selectCell } from "./select-cell";
import { watchInputChanges, watchSelection } from "./watch-changes";
import { writeResultSheets } from "./write-result-sheets";
import { writeScheduleSheet } from "./write-schedule-sheet";

export interface OfficeWorkbookOptions {
  /** Largest estimated request before a sync; default 4 MB (Excel on the web caps at 5 MB). */
  readonly requestBudgetBytes?: number;
  /** Largest estimated response per sync when a model read has to be split; default 4 MB. */
  readonly responseBudgetBytes?: number;
}

/**
 * The `ModelWorkbook` port over Office.js. Every host failure is rethrown as one clear line
 * ("Excel could not …: reason") with the host error as `cause`.
 * @example const workbook = createOfficeWorkbook(); const grids = await workbook.readModel();
 */
export function createOfficeWorkbook(run: ExcelRun = excelRun, options: OfficeWorkbookOptions = {}): ModelWorkbook {
  return {
    readModel: (): Promise<WorkbookGrids> => attemptHost("read the model tables", () => run((context) => readModelGrids(context, options))),
    writeResults: (analysis: Analysis, stamp: string): Promise<WriteReport> =>
      attemptHost("write the result sheets", () => run((context) => writeResultSheets(context, analysis, stamp, options))),
    insertTemplate: (sample: WorkbookGrids | undefined): Promise<InsertReport> =>
      attemptHost("insert the template tables", () => run((context) => insertTemplateTables(context, sample, options))),
    calculationMode: () => attemptHost("read the calculation mode", () => run(readCalculationMode)),
    calculate: () => attemptHost("calculate the workbook", () => run(calculateWorkbook)),
    selectCell: async (address: string): Promise<void> => {
      const cell = parseA1Address(address);
      if (!cell) throw new Error(`'${address}' is not a cell address such as 'Volumes'!C7`);
      await attemptHost(`select ${address}`, () => run((context) => selectCell(context, cell)));
    },
    getSelectedResult: (): Promise<SelectedResultCell | ResultSheetCell | undefined> => attemptHost("read the selected cell", () => run(readSelectedResult)),
    onInputChanged: (listener: () => void, onResults?: () => void) => attemptHost("watch the input tables", () => watchInputChanges(run, listener, onResults)),
    writeScheduleSheet: (baseName, rows) => attemptHost("write the schedule sheet", () => run((context) => writeScheduleSheet(context, baseName, rows, options))),
    onSelectionChanged: (listener: () => void) => attemptHost("watch the selection", () => watchSelection(run, listener)),
  };
}
