import type { CellGrid, CellValue, WorkbookGrids, WorkbookInventory } from "../../engine/model/grid";
import { planReads } from "../../engine/parse/locate-tables";
import type { CellRange } from "./decode-range";
import { parseRelationships, relationshipsPartOf, type Relationship } from "./opc-relationships";
import { PackageRefused } from "./package-bounds";
import { parseSharedStrings } from "./parse-shared-strings";
import { parseDateStyles } from "./parse-styles-part";
import { parseTablePart, type TablePart } from "./parse-table-part";
import { parseWorkbookPart } from "./parse-workbook-part";
import { readSheetPart, sheetCellsOfRecords, type SheetCells, type SheetCellScanner, type SheetWants } from "./read-sheet-part";
import type { CellContext } from "./sheet-cell-value";
import { partText, type ZipPackage } from "./zip-package";

/** A package that is not an .xlsx workbook; `message` says what it is and what to do. */
export class NotAWorkbook extends Error {
  override name = "NotAWorkbook";
}

interface SheetEntry {
  readonly name: string;
  readonly partName: string;
  readonly tables: readonly TablePart[];
}

/**
 * The grids the engine asks for (`planReads`) from an opened package: each spec table's
 * Excel table, else its worksheet read from A1. Sheet XML is streamed and only the cells
 * of those tables and sheets are kept.
 */
export async function readPackageGrids(pkg: ZipPackage, scanner?: SheetCellScanner): Promise<WorkbookGrids> {
  const workbookPart = await findWorkbookPart(pkg);
  const workbookRels = await relationshipsOf(pkg, workbookPart);
  const workbook = parseWorkbookPart(await pkg.readText(workbookPart));
  const sheets: SheetEntry[] = [];
  for (const sheet of workbook.sheets) {
    const rel = workbookRels.find((r) => r.id === sheet.relationshipId);
    if (!rel || rel.kind !== "worksheet" || !pkg.has(rel.partName)) continue;
    sheets.push({ name: sheet.name, partName: rel.partName, tables: await tablesOf(pkg, rel.partName) });
  }
  if (sheets.length === 0) throw new NotAWorkbook("not a valid .xlsx workbook (no worksheets found)");

  const inventory: WorkbookInventory = {
    tables: sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name }))),
    sheets: sheets.map((s) => s.name),
  };
  const plan = planReads(inventory);
  const tableReads = plan.tables.flatMap((name) => {
    const sheet = sheets.find((s) => s.tables.some((t) => t.name === name));
    const table = sheet?.tables.find((t) => t.name === name);
    return sheet && table ? [{ sheet, table }] : [];
  });
  const sheetReads = plan.sheets.flatMap((name) => sheets.filter((s) => s.name === name).slice(0, 1));
  if (tableReads.length === 0 && sheetReads.length === 0) return { tables: [], sheets: [] };

  const ctx = await cellContext(pkg, workbookRels, workbook.date1904);
  const cellsBySheet = new Map<SheetEntry, SheetCells>();
  for (const sheet of new Set([...tableReads.map((t) => t.sheet), ...sheetReads])) {
    const ranges = tableReads.filter((t) => t.sheet === sheet).map((t) => t.table.range);
    const whole = sheetReads.includes(sheet);
    cellsBySheet.set(sheet, await readSheet(pkg, sheet.partName, { ranges, whole }, ctx, scanner));
  }
  const cellsOf = (sheet: SheetEntry): SheetCells => cellsBySheet.get(sheet) as SheetCells;
  return {
    tables: tableReads.map(({ sheet, table }) => tableGrid(sheet.name, table, cellsOf(sheet))),
    sheets: sheetReads.map((sheet) => sheetGrid(sheet.name, cellsOf(sheet))),
  };
}

/**
 * A worksheet's cells: with a `scanner`, a part small enough to inflate at once is scanned
 * whole by it, and read by `readSheetPart` only when the scanner leaves it (from the same
 * bytes); else the part streams through `readSheetPart`.
 */
async function readSheet(pkg: ZipPackage, partName: string, wants: SheetWants, ctx: CellContext, scanner: SheetCellScanner | undefined): Promise<SheetCells> {
  const bytes = scanner ? await pkg.readBytes(partName) : undefined;
  if (!scanner || !bytes) return readSheetPart((on) => pkg.streamText(partName, on), wants, ctx);
  const records = scanner(bytes);
  if (records) return sheetCellsOfRecords(bytes, records, wants, ctx);
  return readSheetPart(async (on) => {
    const text = partText(bytes);
    if (text.length > 0) on(text);
  }, wants, ctx);
}

const OFFICE_DOCUMENT = "officeDocument";

async function findWorkbookPart(pkg: ZipPackage): Promise<string> {
  const rels = await relationshipsOf(pkg, "");
  const main = rels.find((r) => r.kind === OFFICE_DOCUMENT && pkg.has(r.partName));
  if (main) {
    if (/\.bin$/i.test(main.partName)) throw new NotAWorkbook("this is a binary Excel workbook (.xlsb): save it as .xlsx (Excel Workbook)");
    return main.partName;
  }
  if (pkg.has("content.xml") && (pkg.has("mimetype") || pkg.has("META-INF/manifest.xml"))) {
    throw new NotAWorkbook("this is an OpenDocument spreadsheet (.ods): save it as .xlsx (Excel 2007-365)");
  }
  if (pkg.has("xl/workbook.xml")) return "xl/workbook.xml";
  if (pkg.has("xl/workbook.bin")) throw new NotAWorkbook("this is a binary Excel workbook (.xlsb): save it as .xlsx (Excel Workbook)");
  throw new NotAWorkbook(pkg.partNames.length === 0 ? "not a valid .xlsx workbook (no worksheets found)" : "not a valid .xlsx workbook (a zip file with no workbook part)");
}

async function relationshipsOf(pkg: ZipPackage, partName: string): Promise<Relationship[]> {
  const relsPart = relationshipsPartOf(partName);
  return pkg.has(relsPart) ? parseRelationships(await pkg.readText(relsPart), partName) : [];
}

async function tablesOf(pkg: ZipPackage, sheetPart: string): Promise<TablePart[]> {
  const tables: TablePart[] = [];
  for (const rel of await relationshipsOf(pkg, sheetPart)) {
    if (rel.kind !== "table" || !pkg.has(rel.partName)) continue;
    const table = parseTablePart(await pkg.readText(rel.partName));
    if (table) tables.push(table);
  }
  return tables;
}

async function cellContext(pkg: ZipPackage, workbookRels: readonly Relationship[], date1904: boolean): Promise<CellContext> {
  const partOf = (kind: string): string | undefined => workbookRels.find((r) => r.kind === kind && pkg.has(r.partName))?.partName;
  const stringsPart = partOf("sharedStrings");
  const stylesPart = partOf("styles");
  return {
    sharedStrings: stringsPart ? parseSharedStrings(await pkg.readText(stringsPart)) : [],
    dateStyles: stylesPart ? parseDateStyles(await pkg.readText(stylesPart)) : new Set(),
    date1904,
  };
}

function block(cells: SheetCells, range: CellRange): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const values: CellValue[] = [];
    for (let c = range.left; c <= range.right; c++) values.push(cells.get(r, c));
    rows.push(values);
  }
  return rows;
}

function tableGrid(sheet: string, table: TablePart, cells: SheetCells): CellGrid {
  const { range, name } = table;
  const bottom = range.bottom - table.totalsRowCount;
  const rows = bottom < range.top ? [] : block(cells, { ...range, bottom });
  if (table.headerRowCount > 0) return { name, sheet, top: range.top, left: range.left, rows };
  // Header row switched off: the range starts at the data and the names live only in the
  // table part; the header is placed on the row above (-1 for a table starting in row 1).
  return { name, sheet, top: range.top - 1, left: range.left, rows: [[...table.columnNames], ...rows] };
}

function sheetGrid(name: string, cells: SheetCells): CellGrid {
  const range = cells.usedRange;
  return { name, sheet: name, top: 0, left: 0, rows: range ? block(cells, range) : [] };
}

export { PackageRefused };
