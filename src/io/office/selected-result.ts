import { a1Address, type CellValue } from "../../engine";
import type { SelectedResultCell } from "../ports";
import { officeCellValue } from "./office-cell-value";
import { OWNER_PROPERTY, ownedOutput } from "./owned-sheet";

/**
 * The active cell, when it is a data cell of a table on one of the add-in's result sheets:
 * its output file, column header, whole row (header -> value) and address. Undefined for
 * any other cell. One sync to find the cell, its sheet's mark and its table; a second for
 * the table's header and the cell's row.
 */
export async function readSelectedResult(context: Excel.RequestContext): Promise<SelectedResultCell | undefined> {
  const cell = context.workbook.getActiveCell().load("rowIndex, columnIndex");
  const sheet = cell.worksheet.load("name");
  const mark = sheet.customProperties.getItemOrNullObject(OWNER_PROPERTY).load("value");
  const tables = cell.getTables(false).load("items/name");
  await context.sync();

  const file = mark.isNullObject ? undefined : ownedOutput(mark.value);
  const table = tables.items[0];
  if (!file || !table) return undefined;
  const header = table.getHeaderRowRange().load("values, rowIndex, columnIndex");
  const row = cell.getEntireRow().getIntersection(table.getRange()).load("values, valueTypes");
  await context.sync();

  if (cell.rowIndex <= header.rowIndex) return undefined;
  const names = (header.values[0] ?? []).map((h) => String(h));
  const column = names[cell.columnIndex - header.columnIndex];
  if (column === undefined) return undefined;
  const record: Record<string, CellValue> = {};
  names.forEach((name, c) => {
    record[name] = officeCellValue(row.values[0]?.[c], row.valueTypes[0]?.[c]);
  });
  return { file, column, row: record, address: a1Address(sheet.name, cell.rowIndex, cell.columnIndex) };
}
