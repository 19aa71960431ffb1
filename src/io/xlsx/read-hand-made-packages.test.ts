import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { zipSync, strToU8 } from "fflate";
import { analyseWorkbook } from "../../engine";
import type { CellGrid, WorkbookGrids } from "../../engine/model/grid";
import { lieAboutSize, packageParts, tableXml, zipParts, type PackageSpec } from "../../../test/support/xlsx-package";
import { PACKAGE_BOUNDS, readWorkbookFile, WorkbookReadError } from "./read-workbook-file";
import { INFLATE_AT_ONCE_BYTES } from "./zip-package";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sctvm-pkg-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let count = 0;
function write(bytes: Uint8Array, ext = "xlsx"): string {
  const file = path.join(dir, `p${++count}.${ext}`);
  fs.writeFileSync(file, bytes);
  return file;
}
const read = (spec: PackageSpec): Promise<WorkbookGrids> => readWorkbookFile(write(zipParts(packageParts(spec))));
function table(grids: WorkbookGrids, name: string): CellGrid {
  const found = grids.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}
/** Each refusal is checked twice: the file read whole (as files up to READ_WHOLE_BYTES are) and part by part from the disk. */
const READINGS = [
  ["read whole", undefined],
  ["read part by part", 0],
] as const;
let readWholeBytes: number | undefined;
async function failure(file: string): Promise<string> {
  const error: unknown = await readWorkbookFile(file, { readWholeBytes }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookReadError);
  const message = (error as Error).message;
  expect(message).not.toMatch(/[\r\n]/);
  return message;
}

const providersRows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Provider</t></is></c><c r="B1" t="inlineStr"><is><t>Description</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>DSP</t></is></c><c r="B2" t="inlineStr"><is><t>Data</t></is></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>CP</t></is></c></row>';

describe("readWorkbookFile: relationships and namespaces", () => {
  it("reads tables whose relationships use absolute targets, as openpyxl writes them", async () => {
    const grids = await read({ absoluteTargets: true, sheets: [{ name: "In", rows: providersRows, tables: [tableXml("Providers", "A1:B3", ["Provider", "Description"])] }] });
    expect(table(grids, "Providers")).toEqual({ name: "Providers", sheet: "In", top: 0, left: 0, rows: [["Provider", "Description"], ["DSP", "Data"], ["CP", null]] });
  });

  it("reads a Strict Open XML workbook (purl.oclc.org namespaces, prefixed elements)", async () => {
    const spec: PackageSpec = { strict: true, sheets: [{ name: "In", rows: providersRows.replace(/<(\/?)(row|c|is|t)\b/g, "<$1x:$2"), tables: [tableXml("Providers", "A1:B3", ["Provider", "Description"], { strict: true })] }] };
    expect(table(await read(spec), "Providers").rows).toEqual([["Provider", "Description"], ["DSP", "Data"], ["CP", null]]);
  });
});

describe("readWorkbookFile: tables", () => {
  it("supplies the column names of a table with headerRowCount=\"0\" on the row above its data", async () => {
    const rows = '<row r="3"><c r="B3" t="inlineStr"><is><t>DSP</t></is></c></row><row r="4"><c r="B4" t="inlineStr"><is><t>CP</t></is></c></row>';
    const grids = await read({ sheets: [{ name: "In", rows, tables: [tableXml("Providers", "B3:C4", ["Provider", "Des_x000A_cription"], { headerRowCount: 0 })] }] });
    expect(table(grids, "Providers")).toEqual({ name: "Providers", sheet: "In", top: 1, left: 1, rows: [["Provider", "Des\ncription"], ["DSP", null], ["CP", null]] });
  });

  it("leaves out a totals row", async () => {
    const rows = providersRows + '<row r="4"><c r="A4" t="inlineStr"><is><t>Total</t></is></c><c r="B4"><f>SUBTOTAL(103,B2:B3)</f><v>1</v></c></row>';
    const grids = await read({ sheets: [{ name: "In", rows, tables: [tableXml("Providers", "A1:B4", ["Provider", "Des_x000A_cription"], { totalsRowCount: 1 })] }] });
    expect(table(grids, "Providers").rows).toEqual([["Provider", "Description"], ["DSP", "Data"], ["CP", null]]);
  });

  it("keeps only the top-left cell of a merge", async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Setting</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Contingency</t></is></c><c r="B2"><v>0.1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Contingency</t></is></c><c r="B3"><v>2</v></c></row>';
    const grids = await read({ sheets: [{ name: "Settings", rows, after: '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>' }] });
    expect(grids.sheets[0]?.rows).toEqual([["Setting", "Value"], ["Contingency", 0.1], [null, 2]]);
  });
});

describe("readWorkbookFile: cell values", () => {
  const settingsRows = (cells: string): string => `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2">${cells}</row>`;

  it("reads shared strings with rich-text runs and leaves out phonetic guides", async () => {
    const grids = await read({
      sharedStringItems: ["<si><t>Setting</t></si>", "<si><t>Value</t></si>", '<si><r><t>Model</t></r><r><rPr><b/></rPr><t xml:space="preserve">Name </t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>', "<si><t>A &amp; B</t></si>"],
      sheets: [{ name: "Settings", rows: settingsRows('<c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c>') }],
    });
    expect(grids.sheets[0]?.rows[1]).toEqual(["ModelName ", "A & B"]);
  });

  it("reads booleans, errors, formula strings, ISO dates (t=\"d\") and numbers", async () => {
    const cells = '<c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#DIV/0!</v></c><c r="C2" t="str"><f>"IO"&amp;"C"</f><v>IOC</v></c><c r="D2" t="d"><v>2021-03-01T12:00:00Z</v></c><c r="E2"><v>1.5E3</v></c>';
    const grids = await read({ sharedStrings: ["Setting", "Value"], sheets: [{ name: "Settings", rows: settingsRows(cells) }] });
    expect(grids.sheets[0]?.rows[1]).toEqual([true, { error: "#DIV/0!" }, "IOC", 44256.5, 1500]);
  });

  it("moves date-styled numbers of a 1904 workbook to 1900-system serials and leaves other numbers alone", async () => {
    const cells = '<c r="A2" s="1"><v>42794</v></c><c r="B2" s="2"><v>42794</v></c><c r="C2" s="3"><v>42794</v></c><c r="D2"><v>42794</v></c>';
    const grids = await read({
      date1904: true,
      styles: { xfs: [0, 14, 164, 165], numFmts: [[164, "dd/mm/yyyy"], [165, '0.0" days"']] },
      sharedStrings: ["Setting", "Value"],
      sheets: [{ name: "Settings", rows: settingsRows(cells) }],
    });
    expect(grids.sheets[0]?.rows[1]).toEqual([44256, 44256, 42794, 42794]);
  });

  it("gives a formula saved without a value as { formula }, shared formulas placed at their cell", async () => {
    const cells = '<c r="A2"><f>1000*2</f></c><c r="B2"><f t="shared" ref="B2:C2" si="0">A2*2</f></c><c r="C2"><f t="shared" si="0"/></c>';
    const grids = await read({ sharedStrings: ["Setting", "Value"], sheets: [{ name: "Settings", rows: settingsRows(cells) }] });
    expect(grids.sheets[0]?.rows[1]).toEqual([{ formula: "1000*2" }, { formula: "A2*2" }, { formula: "B2*2" }]);
  });

  it("reads cells and rows written without r attributes in order", async () => {
    const rows = '<row><c t="inlineStr"><is><t>Setting</t></is></c><c t="inlineStr"><is><t>Value</t></is></c></row><row><c t="inlineStr"><is><t>BurstFactor</t></is></c><c><v>2</v></c></row>';
    expect((await read({ sheets: [{ name: "Settings", rows }] })).sheets[0]?.rows).toEqual([["Setting", "Value"], ["BurstFactor", 2]]);
  });
});

describe.each(READINGS)("readWorkbookFile: refusals, %s", (_, bytes) => {
  beforeAll(() => {
    readWholeBytes = bytes;
  });
  afterAll(() => {
    readWholeBytes = undefined;
  });
  const bigSheet = (): Record<string, string> => {
    const parts = packageParts({ sheets: [{ name: "Settings", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Setting</t></is></c></row>' }] });
    // 2 MiB of whitespace inside sheetData: compresses to a few kB.
    parts["xl/worksheets/sheet1.xml"] = (parts["xl/worksheets/sheet1.xml"] ?? "").replace("<sheetData>", `<sheetData>${" ".repeat(2 * 1024 * 1024)}`);
    return parts;
  };

  it("refuses, before inflating, a part whose declared size passes the bound", async () => {
    const file = write(lieAboutSize(zipParts(bigSheet()), "xl/worksheets/sheet1.xml", PACKAGE_BOUNDS.maxPartBytes + 1));
    const message = await failure(file);
    expect(message).toMatch(/refused: part 'xl\/worksheets\/sheet1\.xml' would expand to 256 MiB, more than the 256 MiB allowed for one part/);
  });

  it("refuses a package whose parts together pass the total bound", async () => {
    const zip = zipParts({ ...bigSheet(), "xl/media/a.bin": " ".repeat(1000), "xl/media/b.bin": " ".repeat(1000) });
    const lying = lieAboutSize(lieAboutSize(zip, "xl/media/a.bin", PACKAGE_BOUNDS.maxPartBytes), "xl/media/b.bin", PACKAGE_BOUNDS.maxPartBytes);
    expect(await failure(write(lying))).toMatch(/refused: the package would expand to \d+ MiB, more than the 512 MiB allowed in all/);
  });

  it("stops inflating a part that expands past its declared size (a zip bomb with lying headers)", async () => {
    const file = write(lieAboutSize(zipParts(bigSheet()), "xl/worksheets/sheet1.xml", 4096));
    expect(await failure(file)).toMatch(/refused: part 'xl\/worksheets\/sheet1\.xml' expands past the 4 KiB its zip header declares/);
  });

  it("stops a large part that streams past its declared size, as it inflates", async () => {
    // Declared above INFLATE_AT_ONCE_BYTES, so this part is streamed, not inflated in one call.
    const huge = bigSheet();
    huge["xl/worksheets/sheet1.xml"] = (huge["xl/worksheets/sheet1.xml"] ?? "").replace("<sheetData>", `<sheetData>${" ".repeat(INFLATE_AT_ONCE_BYTES + 4 * 1024 * 1024)}`);
    const file = write(lieAboutSize(zipParts(huge), "xl/worksheets/sheet1.xml", INFLATE_AT_ONCE_BYTES + 1));
    expect(await failure(file)).toMatch(/refused: part 'xl\/worksheets\/sheet1\.xml' expands past the 8(\.0)? MiB its zip header declares/);
  });

  it("says a part that inflates to less than its declared size is broken, small or large", async () => {
    for (const declared of [3 * 1024 * 1024, INFLATE_AT_ONCE_BYTES + 1]) {
      const file = write(lieAboutSize(zipParts(bigSheet()), "xl/worksheets/sheet1.xml", declared));
      expect(await failure(file)).toMatch(/not a valid \.xlsx workbook \(part 'xl\/worksheets\/sheet1\.xml' cannot be inflated \(it holds fewer bytes than its zip header declares\)\)$/);
    }
  });

  it("says an OpenDocument spreadsheet must be saved as .xlsx", async () => {
    const ods = zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8("<office:document-content/>"), "META-INF/manifest.xml": strToU8("<manifest/>") });
    expect(await failure(write(ods, "ods"))).toMatch(/: this is an OpenDocument spreadsheet \(\.ods\): save it as \.xlsx/);
  });

  it("says an .xls (OLE2) file must be saved as .xlsx", async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await failure(write(xls, "xls"))).toMatch(/Excel 97-2003 workbook \(\.xls\) or a password-protected workbook: save it as \.xlsx/);
  });

  it("reports a part that is not XML as a broken workbook, not a crash", async () => {
    const parts = packageParts({ sheets: [{ name: "Settings", rows: "" }] });
    parts["xl/workbook.xml"] = "\u0000\u0001 not xml";
    expect(await failure(write(zipParts(parts)))).toMatch(/not a valid \.xlsx workbook \(no worksheets found\)/);
  });
});

describe("FORMULA_NOT_CALCULATED through the engine", () => {
  it("reports the cell of a formula with no value and says how to fix it", async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Phase</t></is></c><c r="B1" t="inlineStr"><is><t>DMC</t></is></c><c r="C1" t="inlineStr"><is><t>Population</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>IOC</t></is></c><c r="B2" t="inlineStr"><is><t>D1</t></is></c><c r="C2"><f>1000*2</f></c></row>';
    const result = analyseWorkbook(await read({ sheets: [{ name: "Input", rows, tables: [tableXml("Volumes", "A1:C2", ["Phase", "DMC", "Population"])] }] }));
    const issue = result.issues.find((i) => i.code === "FORMULA_NOT_CALCULATED");
    expect(issue).toMatchObject({ severity: "error", table: "Volumes", cell: "'Input'!C2" });
    expect(issue?.message).toMatch(/found the formula =1000\*2/);
    expect(issue?.message).toMatch(/open and save the file in Excel or LibreOffice, or write values/);
    expect(result.issues.some((i) => i.code === "MISSING_VALUE" && i.cell === "'Input'!C2")).toBe(false);
  });
});

describe("dates through the engine", () => {
  it("reports a date-styled EndDate of 1e10 as BAD_DATE, not a blank cell", async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Phase</t></is></c><c r="B1" t="inlineStr"><is><t>StartDate</t></is></c><c r="C1" t="inlineStr"><is><t>EndDate</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>IOC</t></is></c><c r="B2" s="1"><v>44256</v></c><c r="C2" s="1"><v>1E10</v></c></row>';
    const result = analyseWorkbook(await read({ styles: { xfs: [0, 14] }, sheets: [{ name: "Input", rows, tables: [tableXml("Phases", "A1:C2", ["Phase", "StartDate", "EndDate"])] }] }));
    const issues = result.issues.filter((i) => i.cell === "'Input'!C2");
    expect(issues.map((i) => i.code)).toEqual(["BAD_DATE"]);
    expect(issues[0]?.message).toMatch(/found 10000000000/);
  });
});
