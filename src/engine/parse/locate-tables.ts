import type { CellGrid, WorkbookGrids, WorkbookInventory } from "../model/grid";
import { REQUIRED_TABLES, TABLE_NAMES, type TableName } from "../model/tables";
import { foldKey as fold, isBlank } from "./cell-values";



/**
 * Which Excel tables and which worksheets an adapter must read: each spec table by its
 * table name, else the worksheet of that name (case-insensitive).
 * @example planReads({ tables: [{ name: "volumes", sheet: "In" }], sheets: ["Phases"] })
 * // { tables: ["volumes"], sheets: ["Phases"] }
 */
export function planReads(inventory: WorkbookInventory): { tables: string[]; sheets: string[] } {
  const tables: string[] = [];
  const sheets: string[] = [];
  for (const wanted of TABLE_NAMES) {
    const table = inventory.tables.find((t) => fold(t.name) === fold(wanted));
    if (table) {
      tables.push(table.name);
      continue;
    }
    const sheet = inventory.sheets.find((s) => fold(s) === fold(wanted));
    if (sheet !== undefined) sheets.push(sheet);
  }
  return { tables, sheets };
}

/**
 * The grid that stands for a spec table: an Excel table of that name, else a worksheet of
 * that name whose first row holds headers (a sheet with a blank first row is no table).
 */
export function locateTable(grids: WorkbookGrids, wanted: TableName): CellGrid | undefined {
  return (
    grids.tables.find((t) => fold(t.name) === fold(wanted)) ??
    grids.sheets.find((s) => fold(s.name) === fold(wanted) && (s.rows[0] ?? []).some((v) => !isBlank(v)))
  );
}
