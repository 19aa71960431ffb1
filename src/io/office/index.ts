/** The Office.js adapter: the only code that touches `Excel.*`. */
export { createOfficeWorkbook } from "./create-office-workbook";
export type { OfficeWorkbookOptions } from "./create-office-workbook";
export type { ExcelRun } from "./excel-run";
export { OWNER_PROPERTY } from "./owned-sheet";
export { RESULT_TABLE_NAMES, RESULT_HEADER_ROW } from "./result-sheet-layout";
export { TEMPLATE_TABLES, TEMPLATE_HEADER_ROW } from "./template-tables";
export { createOfficeBaselineStore, BASELINE_SHEET } from "./baseline-sheet";
