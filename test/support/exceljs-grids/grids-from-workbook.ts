import type ExcelJS from "exceljs";
import type { CellGrid, CellValue, WorkbookGrids, WorkbookInventory } from "../../../src/engine/model/grid";
import { planReads } from "../../../src/engine/parse/locate-tables";
import { decodeRange } from "../../../src/io/xlsx/decode-range";
import { listTables, type ListedTable } from "./list-tables";
import { readBlock, usedRangeFromA1 } from "./read-cells";

/**
 * The grids the engine asks for (`planReads`): each spec table's Excel table, else its
 * worksheet read from A1. Reads only the cells it needs.
 * @example gridsFromWorkbook(workbook).tables[0] // { name: "Volumes", sheet: "Input", top: 4, left: 2, rows: [...] }
 */
export function gridsFromWorkbook(workbook: ExcelJS.Workbook): WorkbookGrids {
  const tables = listTables(workbook);
  const worksheets = workbook.worksheets;
  const inventory: WorkbookInventory = {
    tables: tables.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    sheets: worksheets.map((ws) => ws.name),
  };
  const plan = planReads(inventory);
  return {
    tables: plan.tables.flatMap((name) => {
      const table = tables.find((t) => t.name === name);
      return table ? [tableGrid(table)] : [];
    }),
    sheets: plan.sheets.flatMap((name) => {
      const worksheet = worksheets.find((ws) => ws.name === name);
      return worksheet ? [sheetGrid(worksheet)] : [];
    }),
  };
}

function tableGrid({ name, worksheet, model }: ListedTable): CellGrid {
  const sheet = worksheet.name;
  const ref = decodeRange(model.tableRef ?? "");
  if (!ref) return { name, sheet, top: 0, left: 0, rows: [] };
  const range = model.totalsRow ? { ...ref, bottom: ref.bottom - 1 } : ref;
  const rows = readBlock(worksheet, range);
  const columnNames = (model.columns ?? []).map((c) => c.name ?? "");
  if (model.headerRow === true || hasHeaderCells(rows[0], columnNames)) {
    return { name, sheet, top: range.top, left: range.left, rows };
  }
  // Header row switched off: the range starts at the data and the names live only in the
  // model; the header is placed on the row above (-1 for a table starting in row 1).
  return { name, sheet, top: range.top - 1, left: range.left, rows: [columnNames, ...rows] };
}

/**
 * Whether the first row of a table is its header row. exceljs reports `headerRow: false`
 * both for Excel's usual file (headerRowCount omitted, meaning 1) and for a table with its
 * header switched off (headerRowCount="0"); Excel keeps header cells equal to the column
 * names, so any match means a header row.
 */
function hasHeaderCells(firstRow: readonly CellValue[] | undefined, columnNames: readonly string[]): boolean {
  if (firstRow === undefined || columnNames.length === 0) return true;
  return columnNames.some((name, i) => {
    const cell = firstRow[i];
    return (typeof cell === "string" || typeof cell === "number") && fold(String(cell)) === fold(name);
  });
}

function sheetGrid(worksheet: ExcelJS.Worksheet): CellGrid {
  const range = usedRangeFromA1(worksheet);
  return { name: worksheet.name, sheet: worksheet.name, top: 0, left: 0, rows: range ? readBlock(worksheet, range) : [] };
}

const fold = (s: string): string => s.trim().toLowerCase();
