import { planReads, type CellGrid, type CellValue, type WorkbookGrids } from "../../engine";
import { officeRows } from "./office-cell-value";

const RANGE_PROPERTIES = "values, valueTypes, rowIndex, columnIndex";

interface PendingGrid {
  readonly name: string;
  readonly sheet: string;
  readonly range: Excel.Range;
  /** Set for a table whose totals row is shown: the last row of its range is dropped. */
  readonly dropLastRow: boolean;
  /** Loaded for a table whose header row is hidden: its column names become the header. */
  readonly columns?: Excel.TableColumnCollection;
}

/**
 * Reads every model table in exactly two syncs, whatever their number: (1) the names of
 * all tables and sheets, from which the engine's `planReads` picks what to read; (2) the
 * cells of each chosen table, and of each chosen sheet from A1 to its last used cell.
 * @example const grids = await Excel.run((context) => readModelGrids(context));
 */
export async function readModelGrids(context: Excel.RequestContext): Promise<WorkbookGrids> {
  const tables = context.workbook.tables.load("items/name, items/showHeaders, items/showTotals, items/worksheet/name");
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();

  const plan = planReads({
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    sheets: sheets.items.map((s) => s.name),
  });
  const pendingTables = plan.tables.flatMap((name): PendingGrid[] => {
    const table = tables.items.find((t) => t.name === name);
    if (!table) return [];
    return [
      {
        name: table.name,
        sheet: table.worksheet.name,
        range: table.getRange().load(RANGE_PROPERTIES),
        dropLastRow: table.showTotals,
        columns: table.showHeaders ? undefined : table.columns.load("items/name"),
      },
    ];
  });
  const pendingSheets = plan.sheets.flatMap((name): PendingGrid[] => {
    const sheet = sheets.items.find((s) => s.name === name);
    if (!sheet) return [];
    // A1 to the last cell holding a value: the engine reads a sheet from its first row.
    const range = sheet.getRange("A1").getBoundingRect(sheet.getUsedRange(true)).load(RANGE_PROPERTIES);
    return [{ name: sheet.name, sheet: sheet.name, range, dropLastRow: false }];
  });
  if (pendingTables.length + pendingSheets.length > 0) await context.sync();

  return {
    tables: pendingTables.map(toGrid),
    sheets: pendingSheets.map((pending) => trimBlankSheet(toGrid(pending))),
  };
}

function toGrid(pending: PendingGrid): CellGrid {
  const { range } = pending;
  const rows = officeRows(range.values, range.valueTypes);
  if (pending.dropLastRow) rows.pop();
  if (pending.columns) {
    // Header row hidden: the range starts at the data, the names live in the columns.
    const header: CellValue[] = pending.columns.items.map((column) => column.name);
    return { name: pending.name, sheet: pending.sheet, top: range.rowIndex - 1, left: range.columnIndex, rows: [header, ...rows] };
  }
  return { name: pending.name, sheet: pending.sheet, top: range.rowIndex, left: range.columnIndex, rows };
}

/** A blank sheet's used range is its A1 cell; the engine should see no rows at all. */
function trimBlankSheet(grid: CellGrid): CellGrid {
  const blank = grid.rows.every((row) => row.every((cell) => cell === null));
  return blank ? { ...grid, rows: [] } : grid;
}
