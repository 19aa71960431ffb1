/**
 * The stand-in host's workbook: plain data, no DOM, no Node. Cells are kept sparse by
 * "row,col" (0-based); `toJSON`/`fromJSON` give a form a browser page can receive, with
 * cells keyed by A1 address.
 */
import { columnIndex, columnLetters } from "../../src/engine/model/a1";

export type StandinValue = string | number | boolean | { readonly error: string };

export interface StandinCell {
  value?: StandinValue;
  /** Absent means Excel's "General". */
  numberFormat?: string;
  bold?: boolean;
  fontColor?: string;
  fill?: string;
}

export interface StandinTable {
  name: string;
  /** A1 range of the whole table: header row, data rows and totals row if shown. */
  ref: string;
  showHeaders: boolean;
  showTotals: boolean;
  /** Column names of a table whose header row is hidden (otherwise the header cells). */
  columns?: string[];
}

export interface StandinConditionalFormat {
  /** A1 range on the sheet, e.g. "K5:K16". */
  range: string;
  type: string;
  rule: Record<string, string>;
  format: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface StandinSheet {
  /** Stable within a session only, like Excel's worksheet ids. */
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, StandinCell>;
  tables: StandinTable[];
  frozenRows: number;
  conditionalFormats: StandinConditionalFormat[];
  customProperties: Record<string, string>;
  /** Column index -> width in points, set by autofit or by hand. */
  columnWidths: Record<number, number>;
}

export interface StandinWorkbook {
  sheets: StandinSheet[];
  /** Workbook-scoped defined names. */
  names: string[];
  /** The selected range; its top-left cell is the active cell. */
  selection: { sheetId: string; address: string };
  /** `application.calculationMode` (absent: Automatic). */
  calculationMode?: "Automatic" | "AutomaticExceptTables" | "Manual";
  /** How many times `application.calculate` ran (the stand-in has no formulas to calculate). */
  calculations?: number;
}

export interface StandinSheetJson {
  name: string;
  visibility?: StandinSheet["visibility"];
  cells: Record<string, StandinCell>;
  tables?: StandinTable[];
  frozenRows?: number;
  conditionalFormats?: StandinConditionalFormat[];
  customProperties?: Record<string, string>;
  columnWidths?: Record<string, number>;
}

export interface StandinWorkbookJson {
  version: 1;
  sheets: StandinSheetJson[];
  names?: string[];
  selection?: { sheet: string; address: string };
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export const cellKey = (row: number, col: number): string => `${row},${col}`;

export function parseCellKey(key: string): { row: number; col: number } {
  const [row = "0", col = "0"] = key.split(",");
  return { row: Number(row), col: Number(col) };
}

let nextSheetNumber = 1;

/** A fresh sheet with a session id. */
export function createSheet(name: string, partial: Partial<Omit<StandinSheet, "id" | "name">> = {}): StandinSheet {
  return {
    id: `{574D0000-0000-0000-0000-${String(nextSheetNumber++).padStart(12, "0")}}`,
    name,
    visibility: partial.visibility ?? "Visible",
    cells: partial.cells ?? new Map(),
    tables: partial.tables ?? [],
    frozenRows: partial.frozenRows ?? 0,
    conditionalFormats: partial.conditionalFormats ?? [],
    customProperties: partial.customProperties ?? {},
    columnWidths: partial.columnWidths ?? {},
  };
}

/** 0-based column index to letters: 0 -> A, 26 -> AA (the engine's own helper). */
export const columnName = columnLetters;

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * A range address without a sheet: `C7`, `A1:B2`, `$A$1`, `4:4` (whole rows), `A:C`.
 * Undefined if it is none of these.
 */
export function parseRect(address: string): Rect | undefined {
  const a = address.trim().replace(/\$/g, "");
  let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnIndex(m[1] ?? "A");
    const r2 = m[4] === undefined ? r1 : Number(m[4]) - 1;
    const c2 = m[3] === undefined ? c1 : columnIndex(m[3]);
    return normalise(r1, c1, r2, c2);
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return normalise(Number(m[1]) - 1, 0, Number(m[2]) - 1, MAX_COLUMNS - 1);
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (m) return normalise(0, columnIndex(m[1] ?? "A"), MAX_ROWS - 1, columnIndex(m[2] ?? "A"));
  return undefined;
}

function normalise(r1: number, c1: number, r2: number, c2: number): Rect | undefined {
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  const rect = { top, left, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  const inside = top >= 0 && left >= 0 && top + rect.rows <= MAX_ROWS && left + rect.cols <= MAX_COLUMNS;
  return inside ? rect : undefined;
}

/** `C7` or `A1:B2`. */
export function rectAddress(rect: Rect): string {
  const first = `${columnName(rect.left)}${rect.top + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${columnName(rect.left + rect.cols - 1)}${rect.top + rect.rows}`;
}

/** Splits `'My sheet'!C7` or `Sheet1!C7` into sheet and range; sheet undefined when absent. */
export function splitAddress(address: string): { sheet?: string; range: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address.trim());
  if (!m) return { range: address.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], range: m[3] ?? "" };
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The data in a form `JSON.stringify` keeps whole. */
export function toJSON(workbook: StandinWorkbook): StandinWorkbookJson {
  const selected = workbook.sheets.find((s) => s.id === workbook.selection.sheetId);
  return {
    version: 1,
    sheets: workbook.sheets.map((sheet) => {
      const cells: Record<string, StandinCell> = {};
      for (const [key, cell] of sortedCells(sheet)) {
        const { row, col } = parseCellKey(key);
        cells[`${columnName(col)}${row + 1}`] = { ...cell };
      }
      return {
        name: sheet.name,
        visibility: sheet.visibility,
        cells,
        tables: sheet.tables.map((t) => ({ ...t })),
        frozenRows: sheet.frozenRows,
        conditionalFormats: sheet.conditionalFormats.map((f) => structuredCopy(f)),
        customProperties: { ...sheet.customProperties },
        columnWidths: Object.fromEntries(Object.entries(sheet.columnWidths).map(([c, w]) => [c, w])),
      };
    }),
    names: [...workbook.names],
    selection: selected ? { sheet: selected.name, address: workbook.selection.address } : undefined,
  };
}

/** The inverse of `toJSON`; sheets get fresh session ids. */
export function fromJSON(json: StandinWorkbookJson): StandinWorkbook {
  if (json.version !== 1 || !Array.isArray(json.sheets)) throw new Error("stand-in workbook JSON: expected { version: 1, sheets: [...] }");
  const sheets = json.sheets.map((s) => {
    const cells = new Map<string, StandinCell>();
    for (const [address, cell] of Object.entries(s.cells ?? {})) {
      const rect = parseRect(address);
      if (!rect) throw new Error(`stand-in workbook JSON: '${address}' on sheet '${s.name}' is not a cell address`);
      cells.set(cellKey(rect.top, rect.left), { ...cell });
    }
    return createSheet(s.name, {
      visibility: s.visibility ?? "Visible",
      cells,
      tables: (s.tables ?? []).map((t) => ({ ...t })),
      frozenRows: s.frozenRows ?? 0,
      conditionalFormats: (s.conditionalFormats ?? []).map((f) => structuredCopy(f)),
      customProperties: { ...(s.customProperties ?? {}) },
      columnWidths: Object.fromEntries(Object.entries(s.columnWidths ?? {}).map(([c, w]) => [Number(c), w])),
    });
  });
  const first = sheets.find((s) => s.visibility === "Visible") ?? sheets[0];
  if (!first) throw new Error("stand-in workbook JSON: a workbook needs at least one sheet");
  const selected = json.selection ? sheets.find((s) => s.name.toLowerCase() === json.selection?.sheet.toLowerCase()) : undefined;
  return {
    sheets,
    names: [...(json.names ?? [])],
    selection: selected && json.selection ? { sheetId: selected.id, address: json.selection.address } : { sheetId: first.id, address: "A1" },
  };
}

function sortedCells(sheet: StandinSheet): [string, StandinCell][] {
  return [...sheet.cells.entries()].sort(([a], [b]) => {
    const pa = parseCellKey(a);
    const pb = parseCellKey(b);
    return pa.row - pb.row || pa.col - pb.col;
  });
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
