/**
 * Writes REAL .xlsx files for tests and benchmarks, with Excel tables, plain cells,
 * merges and hidden rows, through exceljs (the same library the CLI reads with).
 */
import ExcelJS from "exceljs";

/** A value to put in a cell. Dates are written as Excel dates (serials with a date format). */
export type CellInput =
  | string
  | number
  | boolean
  | null
  | Date
  | { error: string }
  | { formula: string; result: number | string | { error: string } }
  | { richText: string[] };

export interface TableSpec {
  name: string;
  /** Top-left cell of the header row, e.g. "C3". */
  at: string;
  /** Header row first, then data rows; short rows are padded with blanks. */
  rows: CellInput[][];
  /** Adds Excel's totals row: "Total" in the first column, SUBTOTAL sums elsewhere. */
  totalsRow?: boolean;
}

export interface SheetSpec {
  name: string;
  hidden?: boolean;
  tables?: TableSpec[];
  /** Plain cells, e.g. a sheet read by the sheet fallback. */
  cells?: { at: string; rows: CellInput[][] }[];
  /** Ranges such as "A1:B2"; only the top-left cell keeps its value. */
  merges?: string[];
  /** 1-based row numbers. */
  hiddenRows?: number[];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

/**
 * An in-memory exceljs workbook built from a spec.
 * @example buildWorkbook({ sheets: [{ name: "In", tables: [{ name: "Phases", at: "B2", rows: [["Phase"], ["IOC"]] }] }] })
 */
export function buildWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of spec.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    if (sheet.hidden) worksheet.state = "hidden";
    for (const block of sheet.cells ?? []) writeCells(worksheet, block.at, block.rows);
    for (const table of sheet.tables ?? []) addTable(worksheet, table);
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
    for (const row of sheet.hiddenRows ?? []) worksheet.getRow(row).hidden = true;
  }
  return workbook;
}

/**
 * Writes the spec as an .xlsx file.
 * @example await writeWorkbookFile(path.join(dir, "model.xlsx"), spec)
 */
export async function writeWorkbookFile(path: string, spec: WorkbookSpec): Promise<void> {
  await buildWorkbook(spec).xlsx.writeFile(path);
}

/**
 * The exceljs value for a `CellInput`.
 * @example toExcelValue({ richText: ["a", "b"] }) // { richText: [{ text: "a" }, { text: "b" }] }
 */
export function toExcelValue(input: CellInput): ExcelJS.CellValue {
  if (input === null || typeof input !== "object" || input instanceof Date) return input;
  if ("richText" in input) return { richText: input.richText.map((text) => ({ text })) };
  if ("error" in input) return { error: input.error } as ExcelJS.CellErrorValue;
  return { formula: input.formula, result: input.result } as ExcelJS.CellFormulaValue;
}

function writeCells(worksheet: ExcelJS.Worksheet, at: string, rows: CellInput[][]): void {
  const origin = worksheet.getCell(at);
  rows.forEach((values, r) => {
    const row = worksheet.getRow(Number(origin.row) + r);
    values.forEach((value, c) => {
      if (value !== null) row.getCell(Number(origin.col) + c).value = toExcelValue(value);
    });
  });
}

function addTable(worksheet: ExcelJS.Worksheet, table: TableSpec): void {
  const [header = [], ...data] = table.rows;
  const width = header.length;
  // Excel keeps at least one (blank) data row in a table.
  const rows = (data.length > 0 ? data : [[]]).map((row) =>
    Array.from({ length: width }, (_, c) => toExcelValue(row[c] ?? null)),
  );
  const columns: ExcelJS.TableColumnProperties[] = header.map((h, c) =>
    c === 0 || !table.totalsRow
      ? { name: headerText(h, c), totalsRowLabel: "Total" }
      : { name: headerText(h, c), totalsRowFunction: "sum", totalsRowResult: columnSum(rows, c) } as ExcelJS.TableColumnProperties,
  );
  worksheet.addTable({ name: table.name, ref: table.at, headerRow: true, totalsRow: table.totalsRow ?? false, columns, rows });
}

function headerText(value: CellInput | undefined, c: number): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : `Column${c + 1}`;
}

function columnSum(rows: ExcelJS.CellValue[][], c: number): number {
  return rows.reduce((sum, row) => sum + (typeof row[c] === "number" ? (row[c] as number) : 0), 0);
}
