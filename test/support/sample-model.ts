/**
 * The bundled sample model as editable tables, read from its readable source
 * (examples/sample-model/*.csv + layout.json) with the same cell typing as
 * scripts/build-sample.ts: spec numeric columns become numbers, Phases dates become Excel
 * dates, Settings.Value is a number only for the numeric settings, all else is text.
 * `toWorkbookSpec` lays the tables out as `placements` say, for `writeWorkbookFile`.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseCellRef } from "../../src/engine/model/a1";
import { HOUR_COLUMNS } from "../../src/engine/model/tables";
import { parseCsv } from "./parse-csv";
import type { CellInput, SheetSpec, WorkbookSpec } from "./write-workbook";

export const SAMPLE_DIR = resolve(__dirname, "../../examples/sample-model");
export const SAMPLE_XLSX = resolve(__dirname, "../../examples/appendix-a-sample.xlsx");

export interface ModelTable {
  /** Header cells as the workbook spells them. */
  headers: string[];
  /** Data rows, typed cells, as long as the header. */
  rows: CellInput[][];
}

/** Where a table goes: an Excel table at `at`, or (`asSheet`) a plain worksheet named `sheet` from A1. */
export interface Placement {
  table: string;
  /** The Excel table's name; defaults to `table`. */
  name?: string;
  sheet: string;
  at: string;
  asSheet?: boolean;
  totalsRow?: boolean;
}

export interface SampleBook {
  /** Keyed by spec table name. */
  tables: Record<string, ModelTable>;
  /** Sheet tab order; sheets named here but holding nothing are written empty. */
  sheets: string[];
  placements: Placement[];
}

const NUMERIC_SETTINGS = new Set(["Contingency", "BurstFactor", "Tolerance"]);

function numericColumns(providers: readonly string[]): Record<string, ReadonlySet<string>> {
  return {
    Volumes: new Set(["Population", "MigrationsPerDay", "InstallsPerDay"]),
    Transactions: new Set(["Rate", ...providers]),
    Overrides: new Set(["Rate"]),
    Profiles: new Set(HOUR_COLUMNS),
    PerformanceLevels: new Set(["CapacityPerHour", "PeakPerSecond", "Headroom"]),
  };
}

function typedCell(table: string, header: string, text: string, record: Record<string, string>, numeric: ReadonlySet<string>): CellInput {
  const t = text.trim();
  if (t === "") return null;
  if (table === "Phases" && (header === "StartDate" || header === "EndDate")) return new Date(`${t}T00:00:00Z`);
  const isNumber = table === "Settings" ? header === "Value" && NUMERIC_SETTINGS.has(record.Setting ?? "") : numeric.has(header);
  return isNumber ? Number(t) : text;
}

/**
 * Loads a fresh, mutable copy of the sample model.
 * @example const book = loadSampleModel(); book.tables.Volumes.rows.length // 49
 */
export function loadSampleModel(): SampleBook {
  const layout = JSON.parse(readFileSync(join(SAMPLE_DIR, "layout.json"), "utf8")) as {
    sheets: string[];
    tables: { table: string; sheet: string; topLeft: string }[];
  };
  const raw = new Map(layout.tables.map((t) => [t.table, parseCsv(readFileSync(join(SAMPLE_DIR, `${t.table}.csv`), "utf8"))]));
  const providers = (raw.get("Providers") ?? []).slice(1).map((r) => r[0] ?? "");
  const numeric = numericColumns(providers);
  const tables: Record<string, ModelTable> = {};
  for (const [name, [headers = [], ...records]] of raw) {
    const rows = records
      .filter((r) => r.some((cell) => cell.trim() !== ""))
      .map((r) => {
        const record = Object.fromEntries(headers.map((h, c) => [h, r[c] ?? ""]));
        return headers.map((h, c) => typedCell(name, h, r[c] ?? "", record, numeric[name] ?? new Set()));
      });
    tables[name] = { headers, rows };
  }
  return {
    tables,
    sheets: [...layout.sheets],
    placements: layout.tables.map((t) => ({ table: t.table, sheet: t.sheet, at: t.topLeft })),
  };
}

/** A layout cell such as "AA10" -> { row: 10, col: 27 } (1-based, as exceljs counts). */
export function decodeA1(a1: string): { row: number; col: number } {
  const ref = parseCellRef(a1);
  if (!ref) throw new Error(`"${a1}" is not an A1 cell`);
  return { row: ref.row + 1, col: ref.col + 1 };
}

/** The book as a workbook spec: each sheet with its tables and plain-sheet tables; refuses overlaps. */
export function toWorkbookSpec(book: SampleBook): WorkbookSpec {
  const sheets: SheetSpec[] = book.sheets.map((name) => ({ name, tables: [], cells: [] }));
  const boxes: { sheet: string; table: string; top: number; left: number; bottom: number; right: number }[] = [];
  for (const p of book.placements) {
    const table = book.tables[p.table];
    const sheet = sheets.find((s) => s.name === p.sheet);
    if (!table || !sheet) throw new Error(`placement of ${p.table} on unknown sheet ${p.sheet}`);
    const { row, col } = decodeA1(p.at);
    const box = { sheet: p.sheet, table: p.table, top: row, left: col, bottom: row + table.rows.length + (p.totalsRow ? 1 : 0), right: col + table.headers.length - 1 };
    const clash = boxes.find((b) => b.sheet === box.sheet && box.top <= b.bottom && b.top <= box.bottom && box.left <= b.right && b.left <= box.right);
    if (clash) throw new Error(`${p.table} overlaps ${clash.table} on sheet ${p.sheet}`);
    boxes.push(box);
    const rows: CellInput[][] = [table.headers, ...table.rows];
    if (p.asSheet) sheet.cells?.push({ at: p.at, rows });
    else sheet.tables?.push({ name: p.name ?? p.table, at: p.at, rows, totalsRow: p.totalsRow });
  }
  return { sheets };
}
