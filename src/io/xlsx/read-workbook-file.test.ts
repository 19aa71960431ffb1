import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CellGrid, WorkbookGrids } from "../../engine/model/grid";
import { buildWorkbook, writeWorkbookFile, type WorkbookSpec } from "../../../test/support/write-workbook";
import { readWorkbookFile, WorkbookReadError } from "./read-workbook-file";
import { gridsFromWorkbook } from "../../../test/support/exceljs-grids";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sctvm-xlsx-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
async function roundTrip(spec: WorkbookSpec): Promise<WorkbookGrids> {
  const file = path.join(dir, `book-${++fileCount}.xlsx`);
  await writeWorkbookFile(file, spec);
  return readWorkbookFile(file);
}

function table(grids: WorkbookGrids, name: string): CellGrid {
  const found = grids.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name} in ${grids.tables.map((t) => t.name).join(", ")}`);
  return found;
}

function sheet(grids: WorkbookGrids, name: string): CellGrid {
  const found = grids.sheets.find((t) => t.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${grids.sheets.map((t) => t.name).join(", ")}`);
  return found;
}

const volumesRows = [
  ["Phase", "DMC", "Population"],
  ["IOC", "D1", 100],
  ["MOC", "D2", 250],
];

describe("readWorkbookFile: finding tables", () => {
  it("finds a table at any position and reports its header row's 0-based position", async () => {
    const grids = await roundTrip({ sheets: [{ name: "Cover" }, { name: "Input", tables: [{ name: "Volumes", at: "C5", rows: volumesRows }] }] });
    expect(table(grids, "Volumes")).toEqual({ name: "Volumes", sheet: "Input", top: 4, left: 2, rows: volumesRows });
  });

  it("reads several tables on one sheet, each with only its own cells", async () => {
    const phases = [["Phase", "StartDate"], ["IOC", 44256]];
    const providers = [["Provider"], ["DSP"], ["CP"], ["DCO"]];
    const grids = await roundTrip({
      sheets: [
        {
          name: "Model",
          tables: [
            { name: "Phases", at: "A1", rows: phases },
            { name: "Providers", at: "D1", rows: providers },
            { name: "Volumes", at: "A8", rows: volumesRows },
          ],
        },
      ],
    });
    expect(table(grids, "Phases")).toMatchObject({ sheet: "Model", top: 0, left: 0, rows: phases });
    expect(table(grids, "Providers")).toMatchObject({ sheet: "Model", top: 0, left: 3, rows: providers });
    expect(table(grids, "Volumes")).toMatchObject({ sheet: "Model", top: 7, left: 0, rows: volumesRows });
  });

  it("finds a table whose name differs in case and keeps the workbook's spelling", async () => {
    const grids = await roundTrip({ sheets: [{ name: "In", tables: [{ name: "VOLUMES", at: "B2", rows: volumesRows }] }] });
    expect(grids.tables.map((t) => t.name)).toEqual(["VOLUMES"]);
    expect(table(grids, "VOLUMES").rows).toEqual(volumesRows);
  });

  it("ignores tables and sheets that are not spec tables", async () => {
    const grids = await roundTrip({
      sheets: [{ name: "Notes", cells: [{ at: "A1", rows: [["hello"]] }], tables: [{ name: "Scratch", at: "C1", rows: [["X"], [1]] }] }],
    });
    expect(grids).toEqual({ tables: [], sheets: [] });
  });

  it("falls back to a sheet named like a spec table, read from A1 to its last used cell", async () => {
    const grids = await roundTrip({
      sheets: [{ name: "profiles", cells: [{ at: "B2", rows: [["Profile", "H00"], ["Flat", 1]] }] }],
    });
    expect(grids.tables).toEqual([]);
    expect(sheet(grids, "profiles")).toEqual({
      name: "profiles",
      sheet: "profiles",
      top: 0,
      left: 0,
      rows: [
        [null, null, null],
        [null, "Profile", "H00"],
        [null, "Flat", 1],
      ],
    });
  });

  it("prefers a table of that name to a sheet of that name", async () => {
    const grids = await roundTrip({
      sheets: [
        { name: "Phases", cells: [{ at: "A1", rows: [["Phase"], ["WRONG"]] }] },
        { name: "Tables", tables: [{ name: "phases", at: "A1", rows: [["Phase"], ["IOC"]] }] },
      ],
    });
    expect(grids.sheets).toEqual([]);
    expect(table(grids, "phases")).toMatchObject({ sheet: "Tables", rows: [["Phase"], ["IOC"]] });
  });

  it("reads an empty sheet named like a spec table as a grid with no rows", async () => {
    const grids = await roundTrip({ sheets: [{ name: "Settings" }] });
    expect(sheet(grids, "Settings").rows).toEqual([]);
  });

  it("excludes a table's totals row", async () => {
    const grids = await roundTrip({ sheets: [{ name: "In", tables: [{ name: "Volumes", at: "A1", rows: volumesRows, totalsRow: true }] }] });
    expect(table(grids, "Volumes").rows).toEqual(volumesRows);
  });
});

describe("readWorkbookFile: cell values", () => {
  it("gives a formula cell's cached result, in tables and sheets alike", async () => {
    const grids = await roundTrip({
      sheets: [
        { name: "In", tables: [{ name: "Volumes", at: "A1", rows: [["Phase", "Population"], [{ formula: '"IO"&"C"', result: "IOC" }, { formula: "2*50", result: 100 }]] }] },
        { name: "Settings", cells: [{ at: "A1", rows: [["Setting", "Value"], ["Contingency", { formula: "1/10", result: 0.1 }]] }] },
      ],
    });
    expect(table(grids, "Volumes").rows[1]).toEqual(["IOC", 100]);
    expect(sheet(grids, "Settings").rows[1]).toEqual(["Contingency", 0.1]);
  });

  it("gives error cells as { error }", async () => {
    const grids = await roundTrip({
      sheets: [{ name: "In", tables: [{ name: "Volumes", at: "A1", rows: [["A", "B", "C"], [{ error: "#REF!" }, { error: "#DIV/0!" }, { error: "#N/A" }]] }] }],
    });
    expect(table(grids, "Volumes").rows[1]).toEqual([{ error: "#REF!" }, { error: "#DIV/0!" }, { error: "#N/A" }]);
  });

  it("gives dates as exact Excel serial numbers", async () => {
    const grids = await roundTrip({
      sheets: [
        {
          name: "In",
          tables: [{ name: "Phases", at: "A1", rows: [["Phase", "StartDate", "EndDate"], ["IOC", new Date(Date.UTC(2021, 2, 1)), new Date(Date.UTC(2021, 2, 1, 12))]] }],
        },
      ],
    });
    expect(table(grids, "Phases").rows[1]).toEqual(["IOC", 44256, 44256.5]);
  });

  it("gives rich text as its plain text", async () => {
    const grids = await roundTrip({
      sheets: [{ name: "In", tables: [{ name: "DMCs", at: "A1", rows: [["DMC", "Description"], [{ richText: ["Meter ", "X1"] }, "plain"]] }] }],
    });
    expect(table(grids, "DMCs").rows[1]).toEqual(["Meter X1", "plain"]);
  });

  it("reads only the top-left cell of a merge; the rest of the merge is blank", async () => {
    const grids = await roundTrip({
      sheets: [{ name: "Settings", cells: [{ at: "A1", rows: [["Setting", "Value", "Note"], ["Contingency", 0.1, "x"], ["BurstFactor", 2, null]] }], merges: ["A2:A3", "B3:C3"] }],
    });
    expect(sheet(grids, "Settings").rows).toEqual([
      ["Setting", "Value", "Note"],
      ["Contingency", 0.1, "x"],
      [null, 2, null],
    ]);
  });

  it("reads hidden rows and hidden sheets like any other", async () => {
    const grids = await roundTrip({
      sheets: [
        { name: "In", tables: [{ name: "Volumes", at: "A1", rows: volumesRows }], hiddenRows: [2] },
        { name: "Providers", hidden: true, cells: [{ at: "A1", rows: [["Provider"], ["DSP"]] }], hiddenRows: [2] },
      ],
    });
    expect(table(grids, "Volumes").rows).toEqual(volumesRows);
    expect(sheet(grids, "Providers").rows).toEqual([["Provider"], ["DSP"]]);
  });

  it("gives blank cells as null and pads ragged sheet rows to a rectangle", async () => {
    const grids = await roundTrip({
      sheets: [
        { name: "In", tables: [{ name: "Volumes", at: "A1", rows: [["Phase", "DMC", "Population"], ["IOC", null, 5], ["MOC"]] }] },
        { name: "DMCs", cells: [{ at: "A1", rows: [["DMC", "Generation", "Description"], ["D1"], ["D2", "SMETS1"]] }] },
      ],
    });
    expect(table(grids, "Volumes").rows).toEqual([
      ["Phase", "DMC", "Population"],
      ["IOC", null, 5],
      ["MOC", null, null],
    ]);
    expect(sheet(grids, "DMCs").rows).toEqual([
      ["DMC", "Generation", "Description"],
      ["D1", null, null],
      ["D2", "SMETS1", null],
    ]);
  });

  it("keeps booleans and numeric text as they are", async () => {
    const grids = await roundTrip({
      sheets: [{ name: "In", tables: [{ name: "Settings", at: "A1", rows: [["Setting", "Value"], ["Flag", true], ["Contingency", "0.1"]] }] }],
    });
    expect(table(grids, "Settings").rows.slice(1)).toEqual([["Flag", true], ["Contingency", "0.1"]]);
  });
});

describe("gridsFromWorkbook: table header rows", () => {
  it("reads tables of a workbook built in memory, before any file is written", () => {
    const grids = gridsFromWorkbook(buildWorkbook({ sheets: [{ name: "In", tables: [{ name: "Volumes", at: "C5", rows: volumesRows }] }] }));
    expect(table(grids, "Volumes")).toEqual({ name: "Volumes", sheet: "In", top: 4, left: 2, rows: volumesRows });
  });

  it("keeps the header row when the file omits headerRowCount, as Excel writes it", async () => {
    const file = path.join(dir, "excel-style.xlsx");
    await writeWorkbookFile(file, { sheets: [{ name: "In", tables: [{ name: "Volumes", at: "B2", rows: volumesRows }] }] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    // exceljs parses a missing headerRowCount (default 1) as headerRow: false.
    const loaded = (workbook.getWorksheet("In") as unknown as { tables: Record<string, { table: { headerRow: boolean } }> }).tables;
    for (const t of Object.values(loaded)) t.table.headerRow = false;
    expect(table(gridsFromWorkbook(workbook), "Volumes")).toMatchObject({ top: 1, left: 1, rows: volumesRows });
  });

  it("supplies the column names of a table whose header row is switched off", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("In").addTable({
      name: "Providers",
      ref: "B3",
      headerRow: false,
      columns: [{ name: "Provider" }, { name: "Description" }],
      rows: [["DSP", "Data"], ["CP", "Commissioning"]],
    });
    const file = path.join(dir, "no-header.xlsx");
    await workbook.xlsx.writeFile(file);
    expect(table(await readWorkbookFile(file), "Providers")).toEqual({
      name: "Providers",
      sheet: "In",
      top: 1,
      left: 1,
      rows: [["Provider", "Description"], ["DSP", "Data"], ["CP", "Commissioning"]],
    });
  });
});

describe("readWorkbookFile: unreadable files", () => {
  async function failure(file: string, shown = file): Promise<WorkbookReadError> {
    const error: unknown = await readWorkbookFile(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookReadError);
    const readError = error as WorkbookReadError;
    expect(readError.message).not.toMatch(/[\r\n]/);
    expect(readError.message.startsWith(`cannot read '${shown}': `)).toBe(true);
    return readError;
  }

  it("rejects a missing file with a one-line WorkbookReadError", async () => {
    const error = await failure(path.join(dir, "missing.xlsx"));
    expect(error.message).toMatch(/no such file$/);
    expect(error.cause).toBeDefined();
  });

  it("rejects a directory", async () => {
    const folder = path.join(dir, "folder.xlsx");
    fs.mkdirSync(folder);
    expect((await failure(folder)).message).toMatch(/directory/);
  });

  it("rejects a text file renamed .xlsx as not a valid workbook", async () => {
    const file = path.join(dir, "text.xlsx");
    fs.writeFileSync(file, "Phase,DMC\nIOC,D1\n");
    const error = await failure(file);
    expect(error.message).toMatch(/not a valid \.xlsx workbook \(.+\)$/);
    expect(error.message).not.toMatch(/https?:/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("rejects a truncated .xlsx and an empty file", async () => {
    const whole = path.join(dir, "whole.xlsx");
    await writeWorkbookFile(whole, { sheets: [{ name: "In", tables: [{ name: "Volumes", at: "A1", rows: volumesRows }] }] });
    const bytes = fs.readFileSync(whole);
    const truncated = path.join(dir, "truncated.xlsx");
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const empty = path.join(dir, "empty.xlsx");
    fs.writeFileSync(empty, "");
    expect((await failure(truncated)).message).toMatch(/not a valid \.xlsx workbook/);
    expect((await failure(empty)).message).toMatch(/not a valid \.xlsx workbook/);
  });

  it("rejects a zip that holds no workbook", async () => {
    const file = path.join(dir, "empty-zip.xlsx");
    // The smallest valid zip: an end-of-central-directory record and nothing else.
    fs.writeFileSync(file, Buffer.concat([Buffer.from("PK\x05\x06", "latin1"), Buffer.alloc(18)]));
    expect((await failure(file)).message).toMatch(/not a valid \.xlsx workbook \(no worksheets found\)$/);
  });

  it("keeps the message on one line when the path holds a line break", async () => {
    const file = path.join(dir, "odd\nname.xlsx");
    await failure(file, file.replace("\n", " "));
  });
});
