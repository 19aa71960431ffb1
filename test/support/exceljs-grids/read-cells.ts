import type ExcelJS from "exceljs";
import { ValueType } from "./exceljs-core";
import type { CellValue } from "../../../src/engine/model/grid";
import type { CellRange } from "../../../src/io/xlsx/decode-range";
import { toCellValue } from "./to-cell-value";

/**
 * One cell as a `CellValue`. Only the top-left cell of a merge carries its value
 * (exceljs answers the master's value from every cell of a merge; Office.js does not).
 * @example readCell(worksheet.findCell(2, 1)) // "IOC" (undefined cell -> null)
 */
export function readCell(cell: ExcelJS.Cell | undefined): CellValue {
  if (cell === undefined || cell.type === ValueType.Merge) return null;
  return toCellValue(cell.value);
}

/**
 * The cells of a range as rows, blanks as null; looks cells up without creating them.
 * @example readBlock(ws, { top: 0, left: 0, bottom: 1, right: 1 }) // [["Phase", "DMC"], ["IOC", null]]
 */
export function readBlock(worksheet: ExcelJS.Worksheet, range: CellRange): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row = worksheet.findRow(r + 1);
    const values: CellValue[] = [];
    for (let c = range.left; c <= range.right; c++) values.push(row ? readCell(row.findCell(c + 1)) : null);
    rows.push(values);
  }
  return rows;
}

/**
 * The range from A1 to the last row and column holding a value or formula (cells with
 * only a style, and the non-master cells of a merge, do not count); undefined if none.
 * @example usedRangeFromA1(sheetWithB2toC3) // { top: 0, left: 0, bottom: 2, right: 2 }
 */
export function usedRangeFromA1(worksheet: ExcelJS.Worksheet): CellRange | undefined {
  let bottom = -1;
  let right = -1;
  worksheet.eachRow((row, rowNumber) => {
    row.eachCell((cell, colNumber) => {
      if (cell.type === ValueType.Merge) return;
      bottom = Math.max(bottom, rowNumber - 1);
      right = Math.max(right, colNumber - 1);
    });
  });
  return bottom < 0 ? undefined : { top: 0, left: 0, bottom, right };
}
