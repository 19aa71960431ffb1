/**
 * Edits of a `SampleBook` for fixtures: cells by (data row, header), columns, rows and
 * placements. Data rows are 1-based as the table shows them; headers match case-insensitively.
 */
import type { ModelTable, Placement, SampleBook } from "./sample-model";
import type { CellInput } from "./write-workbook";

const fold = (s: string): string => s.trim().toLowerCase();

export function tableOf(book: SampleBook, name: string): ModelTable {
  const table = book.tables[name];
  if (!table) throw new Error(`no table ${name}`);
  return table;
}

function columnOf(table: ModelTable, header: string): number {
  const c = table.headers.findIndex((h) => fold(h) === fold(header));
  if (c < 0) throw new Error(`no column ${header} in ${table.headers.join(", ")}`);
  return c;
}

function rowOf(table: ModelTable, dataRow: number): CellInput[] {
  const row = table.rows[dataRow - 1];
  if (!row) throw new Error(`no data row ${dataRow}`);
  return row;
}

export function getCell(book: SampleBook, name: string, dataRow: number, header: string): CellInput {
  const table = tableOf(book, name);
  return rowOf(table, dataRow)[columnOf(table, header)] ?? null;
}

export function setCell(book: SampleBook, name: string, dataRow: number, header: string, value: CellInput): void {
  const table = tableOf(book, name);
  rowOf(table, dataRow)[columnOf(table, header)] = value;
}

/** Appends a row given by header; unnamed columns are blank. */
export function appendRow(book: SampleBook, name: string, cells: Record<string, CellInput>): void {
  const table = tableOf(book, name);
  const row: CellInput[] = table.headers.map(() => null);
  for (const [header, value] of Object.entries(cells)) row[columnOf(table, header)] = value;
  table.rows.push(row);
}

/** Appends a copy of a data row with some cells changed. */
export function appendCopy(book: SampleBook, name: string, dataRow: number, changes: Record<string, CellInput> = {}): void {
  const table = tableOf(book, name);
  table.rows.push([...rowOf(table, dataRow)]);
  for (const [header, value] of Object.entries(changes)) setCell(book, name, table.rows.length, header, value);
}

/** Inserts `count` blank rows before data row `beforeDataRow` (1-based; length + 1 appends). */
export function insertBlankRows(book: SampleBook, name: string, beforeDataRow: number, count = 1): void {
  const table = tableOf(book, name);
  const blanks = Array.from({ length: count }, () => table.headers.map((): CellInput => null));
  table.rows.splice(beforeDataRow - 1, 0, ...blanks);
}

export function renameHeader(book: SampleBook, name: string, from: string, to: string): void {
  const table = tableOf(book, name);
  table.headers[columnOf(table, from)] = to;
}

export function dropColumn(book: SampleBook, name: string, header: string): void {
  const table = tableOf(book, name);
  const c = columnOf(table, header);
  table.headers.splice(c, 1);
  for (const row of table.rows) row.splice(c, 1);
}

/** Puts the columns in the order given (every header named once). */
export function reorderColumns(book: SampleBook, name: string, order: readonly string[]): void {
  const table = tableOf(book, name);
  if (order.length !== table.headers.length) throw new Error(`reorder ${name}: ${order.length} names for ${table.headers.length} columns`);
  const from = order.map((h) => columnOf(table, h));
  table.headers = from.map((c) => table.headers[c] ?? "");
  table.rows = table.rows.map((row) => from.map((c) => row[c] ?? null));
}

/** Applies `f` to every cell of a column (blank cells included). */
export function mapColumn(book: SampleBook, name: string, header: string, f: (value: CellInput, dataRow: number) => CellInput): void {
  const table = tableOf(book, name);
  const c = columnOf(table, header);
  table.rows.forEach((row, r) => {
    row[c] = f(row[c] ?? null, r + 1);
  });
}

/** Moves a table to `sheet` at `at` (adding the sheet), with extra placement options. */
export function place(book: SampleBook, name: string, sheet: string, at: string, options: Omit<Placement, "table" | "sheet" | "at"> = {}): void {
  const placement = book.placements.find((p) => p.table === name);
  if (!placement) throw new Error(`no placement for ${name}`);
  Object.assign(placement, { sheet, at, ...options });
  if (!book.sheets.includes(sheet)) book.sheets.push(sheet);
  dropEmptySheets(book);
}

/** A plain worksheet named after the table, headers in row 1 (the spec's fallback). */
export function asPlainSheet(book: SampleBook, name: string, sheet = name): void {
  place(book, name, sheet, "A1", { asSheet: true });
}

/** Removes a table from the workbook (and its sheet, if nothing else is on it). */
export function removeTable(book: SampleBook, name: string): void {
  book.placements = book.placements.filter((p) => p.table !== name);
  dropEmptySheets(book);
}

function dropEmptySheets(book: SampleBook): void {
  book.sheets = book.sheets.filter((s) => book.placements.some((p) => p.sheet === s));
}
