/**
 * The large bench model (3 phases × 500 DMCs × 200 transaction rows × 6 providers), built
 * deterministically from a seed, as engine grids and as a real .xlsx file whose Excel tables
 * sit at the same places, so both routes parse to the same model.
 */
import ExcelJS from "exceljs";
import type { CellGrid, CellValue, WorkbookGrids } from "../src/engine";
import { DEFAULT_SHAPE, largeModelTables, type LargeModelShape, type TableRows } from "./large-model-tables";

export { DEFAULT_SHAPE, type LargeModelShape } from "./large-model-tables";

/** Where each table sits: sheet, 0-based header row and first column. */
const LAYOUT: Readonly<Record<string, { readonly sheet: string; readonly top: number; readonly left: number }>> = {
  Settings: { sheet: "Setup", top: 0, left: 0 },
  Phases: { sheet: "Setup", top: 0, left: 3 },
  Providers: { sheet: "Setup", top: 0, left: 8 },
  PerformanceLevels: { sheet: "Setup", top: 0, left: 11 },
  DMCs: { sheet: "DMCs", top: 2, left: 1 },
  Volumes: { sheet: "Volumes", top: 0, left: 0 },
  Transactions: { sheet: "Transactions", top: 0, left: 0 },
  Overrides: { sheet: "Transactions", top: 0, left: 13 },
  Profiles: { sheet: "Profiles", top: 0, left: 0 },
};

/** The large model's tables, laid out. */
export interface LargeModel {
  readonly shape: LargeModelShape;
  readonly tables: Readonly<Record<string, TableRows>>;
}

/**
 * Generates the large model.
 * @example const m = buildLargeModel(); analyseWorkbook(largeModelGrids(m)).errorCount // 0
 */
export function buildLargeModel(shape: LargeModelShape = DEFAULT_SHAPE): LargeModel {
  return { shape, tables: largeModelTables(shape) };
}

function placement(name: string): { sheet: string; top: number; left: number } {
  const at = LAYOUT[name];
  if (!at) throw new Error(`no layout for table ${name}`);
  return at;
}

/** The model as the engine receives it from an adapter: Excel tables only. */
export function largeModelGrids(model: LargeModel): WorkbookGrids {
  const tables: CellGrid[] = Object.entries(model.tables).map(([name, rows]) => ({ name, ...placement(name), rows }));
  return { tables, sheets: [] };
}

/** Excel serial (days since 1899-12-30) -> the UTC Date exceljs writes as that serial. */
const serialToDate = (serial: number): Date => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);

/** Cells as exceljs values: Phases' dates become real Excel dates. */
function excelRows(name: string, rows: TableRows): ExcelJS.CellValue[][] {
  const [header = [], ...data] = rows;
  const dateColumns = name === "Phases" ? new Set([1, 2]) : new Set<number>();
  return data.map((row) =>
    header.map((_, c) => {
      const v: CellValue | undefined = row[c];
      if (v === undefined || v === null) return null;
      if (dateColumns.has(c) && typeof v === "number") return serialToDate(v);
      if (typeof v === "object") return "error" in v ? ({ error: v.error } as ExcelJS.CellErrorValue) : { formula: v.formula };
      return v;
    }),
  );
}

/**
 * Writes the model as an .xlsx file of Excel tables (ListObjects), as Excel would save it.
 * @example await writeLargeModelXlsx(buildLargeModel(), "/tmp/large.xlsx")
 */
export async function writeLargeModelXlsx(model: LargeModel, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheets = new Map<string, ExcelJS.Worksheet>();
  for (const [name, rows] of Object.entries(model.tables)) {
    const at = placement(name);
    const worksheet = sheets.get(at.sheet) ?? workbook.addWorksheet(at.sheet);
    sheets.set(at.sheet, worksheet);
    const ref = worksheet.getCell(at.top + 1, at.left + 1).address;
    const columns = (rows[0] ?? []).map((h) => ({ name: String(h) }));
    worksheet.addTable({ name, ref, headerRow: true, totalsRow: false, columns, rows: excelRows(name, rows) });
  }
  await workbook.xlsx.writeFile(path);
}
