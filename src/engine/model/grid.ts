/**
 * Cell grids: the only shape in which a workbook reaches the engine.
 * Adapters (Office.js, the .xlsx reader) turn their host's cells into these plain values.
 */

/** An Excel error value such as `#REF!`, as read from a cell. */
export interface CellError {
  readonly error: string;
}

/**
 * A formula cell saved without its computed value (programs that write formulas but do
 * not calculate, such as Python's openpyxl). The engine reports FORMULA_NOT_CALCULATED.
 */
export interface CellFormula {
  /** The formula as written in the file, without the leading `=`. */
  readonly formula: string;
}

/**
 * One cell's value. Dates arrive as Excel serial numbers (days since 1899-12-30, what
 * Office.js `range.values` gives); adapters convert host `Date`s to serials.
 * A formula cell arrives as its computed value (as `CellFormula` when it has none). Rich
 * text arrives as its plain text.
 */
export type CellValue = string | number | boolean | null | CellError | CellFormula;

/** A rectangular block of cells whose first row is the header row. */
export interface CellGrid {
  /** Table name (for an Excel table) or sheet name (for a sheet read as a table). */
  readonly name: string;
  /** The worksheet that holds the cells; used in every A1 address. */
  readonly sheet: string;
  /** 0-based row index on the sheet of the header row. */
  readonly top: number;
  /** 0-based column index on the sheet of the first column. */
  readonly left: number;
  /** Header row first, then data rows; rows may be ragged (missing cells are blank). */
  readonly rows: readonly (readonly CellValue[])[];
}

/** What an adapter hands the engine: Excel tables, and worksheets as a fallback. */
export interface WorkbookGrids {
  /** Excel tables (ListObjects), any sheet, any position. */
  readonly tables: readonly CellGrid[];
  /** Worksheets read from A1 (top = 0, left = 0), used where no table has the name. */
  readonly sheets: readonly CellGrid[];
}

/** Names an adapter can list cheaply before reading any cells. */
export interface WorkbookInventory {
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
  readonly sheets: readonly string[];
}

export function isCellError(value: CellValue | undefined): value is CellError {
  return typeof value === "object" && value !== null && typeof (value as CellError).error === "string";
}

export function isCellFormula(value: CellValue | undefined): value is CellFormula {
  return typeof value === "object" && value !== null && typeof (value as CellFormula).formula === "string";
}
