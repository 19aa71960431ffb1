/**
 * The reference reading of a workbook built with exceljs: the grids exceljs itself sees,
 * in memory, before any file is written. Tests compare the product's .xlsx reader
 * (src/io/xlsx) against it; the product never reads through exceljs.
 */
export { gridsFromWorkbook } from "./grids-from-workbook";
export { listTables } from "./list-tables";
export { readCell } from "./read-cells";
export { excelSerial, toCellValue } from "./to-cell-value";
