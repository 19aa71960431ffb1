import { a1Address, type CellValue } from "../../engine";
import type { ResultSheetCell, SelectedResultCell } from "../ports";
import { officeCellValue } from "./office-cell-value";
import { OWNER_PROPERTY, ownedOutput } from "./owned-sheet";

/**
 * The active cell, when it is a data cell of a table on one of the add-in's result sheets:
 * its output file, column header, whole row (header -> value) and address. Any other cell
 * of a result sheet (title, header, beside the table) is `notAFigure`; a cell of any other
 * sheet is undefined. One sync to find the cell, its sheet's mark and its table; a second for
 * the table's header and the cell's row.
 */
export async function readSelectedResult(context: Excel.RequestContext): Promise<SelectedResultCell | ResultSheetCell | undefined> {
  const cell = context.workbook.getActiveCell().load("rowIndex, columnIndex");
  const sheet = cell.worksheet.load("name");
  const mark = sheet.customProperties.getItemOrNullObject(OWNER_PROPERTY).load("value");
  const tables = cell.getTables(false).load("items/name");
  await context.sync();

  const file = mark.isNullObject ? undefined : ownedOutput(mark.value);
  if (!file) return undefined;
  const address = a1Address(sheet.name, cell.rowIndex, cell.columnIndex);
  const notAFigure: ResultSheetCell = { file, address, notAFigure: true };
  const table = tables.items[0];
  if (!table) return notAFigure;
  const header = table.getHeaderRowRange().load("values, rowIndex, columnIndex");
  const row = cell.getEntireRow().getIntersection(table.getRange()).load("values, valueTypes");
  await context.sync();

  if (cell.rowIndex <= header.rowIndex) return notAFigure;
  const names = (header.values[0] ?? []).map((h) => String(h));
  const column = names[cell.columnIndex - header.columnIndex];
  if (column === undefined) return notAFigure;
  const record: Record<string, CellValue> = {};
  names.forEach((name, c) => {
    record[name] = officeCellValue(row.values[0]?.[c], row.valueTypes[0]?.[c]);
  });
  return { file, column, row: record, address };
}
