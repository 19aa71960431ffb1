import { a1Address, a1ColumnPrefix } from "../model/a1";
import type { CellGrid, CellValue } from "../model/grid";
import type { TableName } from "../model/tables";
import { cellText, foldKey, isBlank } from "./cell-values";
import type { IssueSink } from "./issue-sink";

/** A located table with its header resolved: columns by folded name, data rows found. */
export interface TableView {
  readonly table: TableName;
  readonly grid: CellGrid;
  /** Folded header text -> 0-based column index within the grid. */
  readonly columns: ReadonlyMap<string, number>;
  /** Header text as spelled in the workbook, by grid column index. */
  readonly headers: readonly string[];
  /** The header row's first cell: where a missing column is reported. */
  readonly headerCell: string;
  /** Grid row indices (1-based within the grid, header = 0) of non-blank data rows. */
  readonly dataRows: readonly number[];
}

/**
 * Resolves a table's header row. Reports MISSING_COLUMN at the header row's first cell and
 * DUPLICATE_COLUMN at the second header cell of a repeated name (first one wins).
 */
export function openTable(grid: CellGrid, table: TableName, required: readonly string[], sink: IssueSink): TableView {
  const headerRow = grid.rows[0] ?? [];
  const columns = new Map<string, number>();
  const headers: string[] = [];
  headerRow.forEach((value, c) => {
    const text = cellText(value);
    headers[c] = text;
    if (text === "") return;
    const key = foldKey(text);
    if (columns.has(key)) {
      sink.add("DUPLICATE_COLUMN", table, a1Address(grid.sheet, grid.top, grid.left + c), {
        column: text,
        expected: "each column name once",
      });
      return;
    }
    columns.set(key, c);
  });
  const headerCell = a1Address(grid.sheet, grid.top, grid.left);
  for (const name of required) {
    if (!columns.has(foldKey(name))) {
      sink.add("MISSING_COLUMN", table, headerCell, {
        column: name,
        found: `headers ${headers.filter(Boolean).map((h) => JSON.stringify(h)).join(", ") || "none"}`,
        expected: `a column named "${name}" in table ${table}`,
      });
    }
  }
  const dataRows: number[] = [];
  for (let r = 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (row.some((v) => !isBlank(v))) dataRows.push(r);
  }
  return { table, grid, columns, headers, headerCell, dataRows };
}

/** A cell of a view: its value (undefined where the column is absent) and A1 address. */
export interface ViewCell {
  readonly present: boolean;
  readonly value: CellValue | undefined;
  readonly address: string;
}

/**
 * Folded spec column names (the parsers ask for the same few names once per row): a
 * parse of the bench model folds 12,000 names otherwise, each a trim and a lower-case copy.
 */
const FOLDED_NAMES = new Map<string, string>();

function foldedName(column: string): string {
  let key = FOLDED_NAMES.get(column);
  if (key === undefined) {
    key = foldKey(column);
    FOLDED_NAMES.set(column, key);
  }
  return key;
}

export function viewCell(view: TableView, r: number, column: string): ViewCell {
  const c = view.columns.get(foldedName(column));
  if (c === undefined) return { present: false, value: undefined, address: "" };
  return cellAt(view, r, c);
}

/** a1ColumnPrefix by grid, then column: made once per column instead of once per cell. */
const ADDRESS_PREFIXES = new WeakMap<CellGrid, string[]>();

function addressPrefix(grid: CellGrid, c: number): string {
  let prefixes = ADDRESS_PREFIXES.get(grid);
  if (!prefixes) {
    prefixes = [];
    ADDRESS_PREFIXES.set(grid, prefixes);
  }
  let prefix = prefixes[c];
  if (prefix === undefined) {
    prefix = a1ColumnPrefix(grid.sheet, grid.left + c);
    prefixes[c] = prefix;
  }
  return prefix;
}

export function cellAt(view: TableView, r: number, c: number): ViewCell {
  const value = view.grid.rows[r]?.[c];
  return { present: true, value: value ?? null, address: `${addressPrefix(view.grid, c)}${view.grid.top + r + 1}` };
}
