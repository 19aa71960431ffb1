/**
 * Builds the bundled sample model, examples/appendix-a-sample.xlsx, from its readable source
 * in examples/sample-model/: one CSV per spec table, placed as layout.json says, each written
 * as a real Excel table named after the spec table. The output is byte-for-byte the same on
 * every run. Run: `npm run sample` (npx tsx scripts/build-sample.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import { HOUR_COLUMNS } from "../src/engine/model/tables";
import { parseCsv } from "../test/support/parse-csv";
import { decodeA1 } from "../test/support/sample-model";
import { pinZipTimestamps } from "../test/support/write-fixed-workbook";

const SOURCE_DIR = resolve(__dirname, "../examples/sample-model");
const OUTPUT = resolve(__dirname, "../examples/appendix-a-sample.xlsx");
/** Stamped on the document properties and on every zip entry, so runs are identical. */
const FIXED_TIME = new Date(Date.UTC(2021, 0, 1));
const AUTHOR = "sctvm scripts/build-sample.ts";

type CellValue = string | number | Date | null;
interface ColumnFormat {
  readonly kind: "number" | "date";
  readonly numFmt?: string;
}
interface Placement {
  readonly table: string;
  readonly sheet: string;
  readonly topLeft: string;
}
interface Layout {
  readonly sheets: readonly string[];
  readonly tables: readonly Placement[];
}
interface CsvTable {
  readonly headers: readonly string[];
  readonly records: readonly (readonly string[])[];
}

const PLAIN: ColumnFormat = { kind: "number" };
const WHOLE: ColumnFormat = { kind: "number", numFmt: "#,##0" };
const PERCENT: ColumnFormat = { kind: "number", numFmt: "0%" };
const SHARE: ColumnFormat = { kind: "number", numFmt: "0.0000%" };
const DATE: ColumnFormat = { kind: "date", numFmt: "yyyy-mm-dd" };

/** Settings.Value is a number only on the numeric settings (ModelVersion "1.0" stays text). */
const SETTING_FORMATS: Readonly<Record<string, ColumnFormat>> = {
  Contingency: PERCENT,
  Tolerance: PERCENT,
  BurstFactor: { kind: "number", numFmt: "0.0" },
};

/** The numeric and date columns of each spec table; every other column is text. */
function columnFormats(providers: readonly string[]): Record<string, Record<string, ColumnFormat>> {
  return {
    Phases: { StartDate: DATE, EndDate: DATE },
    Volumes: { Population: WHOLE, MigrationsPerDay: WHOLE, InstallsPerDay: WHOLE },
    Transactions: Object.fromEntries([["Rate", PLAIN], ...providers.map((p) => [p, PLAIN])]),
    Overrides: { Rate: PLAIN },
    Profiles: Object.fromEntries(HOUR_COLUMNS.map((h) => [h, SHARE])),
    PerformanceLevels: { CapacityPerHour: WHOLE, PeakPerSecond: WHOLE, Headroom: PERCENT },
  };
}

function readCsvTable(table: string): CsvTable {
  const [headers, ...rows] = parseCsv(readFileSync(join(SOURCE_DIR, `${table}.csv`), "utf8"));
  if (!headers) throw new Error(`${table}.csv is empty`);
  const records = rows.filter((r) => r.some((cell) => cell.trim() !== ""));
  records.forEach((r, i) => {
    if (r.length !== headers.length)
      throw new Error(`${table}.csv row ${i + 2}: ${r.length} fields, header has ${headers.length}`);
  });
  return { headers, records };
}

function toCell(text: string, format: ColumnFormat | undefined, where: string): CellValue {
  const t = text.trim();
  if (t === "") return null;
  if (!format) return text;
  if (format.kind === "date") {
    const date = new Date(`${t}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || date.toISOString().slice(0, 10) !== t)
      throw new Error(`${where}: "${text}" is not a yyyy-mm-dd date`);
    return date;
  }
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`${where}: "${text}" is not a number`);
  return n;
}


function displayWidth(value: CellValue, format: ColumnFormat | undefined): number {
  if (value instanceof Date) return 10;
  if (typeof value === "number") return String(value).length + (format?.numFmt ? 4 : 0);
  return value?.length ?? 0;
}

/** Writes one table; returns its rectangle so overlapping placements can be refused. */
function addTable(ws: Worksheet, at: Placement, csv: CsvTable, formats: Record<string, ColumnFormat>, widths: Map<number, number>) {
  const settingCol = csv.headers.indexOf("Setting");
  const formatOf = (record: readonly string[], header: string): ColumnFormat | undefined =>
    at.table === "Settings" && header === "Value" ? SETTING_FORMATS[record[settingCol] ?? ""] : formats[header];
  const origin = decodeA1(at.topLeft);
  const rows = csv.records.map((record, r) =>
    csv.headers.map((h, c) => toCell(record[c] ?? "", formatOf(record, h), `${at.table}.csv row ${r + 2}, ${h}`)),
  );
  ws.addTable({
    name: at.table,
    ref: at.topLeft,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: csv.headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
  csv.headers.forEach((h, c) => {
    const col = origin.col + c;
    let width = h.length + 4; // room for the filter button
    rows.forEach((cells, r) => {
      const format = formatOf(csv.records[r] ?? [], h);
      if (format?.numFmt) ws.getCell(origin.row + 1 + r, col).numFmt = format.numFmt;
      width = Math.max(width, displayWidth(cells[c] ?? null, format) + 2);
    });
    widths.set(col, Math.max(widths.get(col) ?? 8, Math.min(width, 70)));
  });
  return { ...origin, bottom: origin.row + rows.length, right: origin.col + csv.headers.length - 1 };
}

async function build(): Promise<Layout> {
  const layout = JSON.parse(readFileSync(join(SOURCE_DIR, "layout.json"), "utf8")) as Layout;
  const csvs = new Map(layout.tables.map((t) => [t.table, readCsvTable(t.table)]));
  const providers = csvs.get("Providers")?.records.map((r) => r[0] ?? "") ?? [];
  const formats = columnFormats(providers);

  const wb = new Workbook();
  Object.assign(wb, { creator: AUTHOR, lastModifiedBy: AUTHOR, created: FIXED_TIME, modified: FIXED_TIME });
  const sheets = new Map(layout.sheets.map((name) => [name, { ws: wb.addWorksheet(name), widths: new Map<number, number>(), used: [] as ReturnType<typeof addTable>[] }]));
  for (const at of layout.tables) {
    const sheet = sheets.get(at.sheet);
    const csv = csvs.get(at.table);
    if (!sheet || !csv) throw new Error(`layout.json: table ${at.table} on unknown sheet ${at.sheet}`);
    const box = addTable(sheet.ws, at, csv, formats[at.table] ?? {}, sheet.widths);
    const clash = sheet.used.find((b) => box.row <= b.bottom && b.row <= box.bottom && box.col <= b.right && b.col <= box.right);
    if (clash) throw new Error(`layout.json: ${at.table} overlaps another table on sheet ${at.sheet}`);
    sheet.used.push(box);
  }
  for (const { ws, widths } of sheets.values()) for (const [col, width] of widths) ws.getColumn(col).width = width;

  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(OUTPUT, pinZipTimestamps(xlsx, FIXED_TIME));
  return layout;
}

/** Reads the file back: every table present, with its ref, row count and typed cells. */
async function verify(layout: Layout): Promise<void> {
  const wb = new Workbook();
  await wb.xlsx.readFile(OUTPUT);
  const found = new Set<string>();
  wb.eachSheet((ws) => {
    for (const t of ws.getTables() as unknown as { table: { name: string; tableRef: string } }[]) {
      const [from = "", to = ""] = t.table.tableRef.split(":");
      const [a, b] = [decodeA1(from), decodeA1(to)];
      let numbers = 0;
      let dates = 0;
      for (let r = a.row + 1; r <= b.row; r++)
        for (let c = a.col; c <= b.col; c++) {
          const v: unknown = ws.getCell(r, c).value;
          if (typeof v === "number") numbers++;
          if (v instanceof Date) dates++;
        }
      found.add(t.table.name);
      console.log(`${t.table.name.padEnd(18)} ${`'${ws.name}'!${t.table.tableRef}`.padEnd(26)} ${String(b.row - a.row).padStart(3)} rows  ${numbers} numbers  ${dates} dates`);
    }
  });
  const missing = layout.tables.filter((t) => !found.has(t.table)).map((t) => t.table);
  if (missing.length > 0) throw new Error(`tables missing from the output: ${missing.join(", ")}`);
}

build()
  .then(async (layout) => {
    console.log(`wrote ${OUTPUT}`);
    await verify(layout);
  })
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
