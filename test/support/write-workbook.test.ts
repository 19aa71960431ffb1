import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writeWorkbookFile } from "./write-workbook";

interface LoadedTable {
  table: { name: string; tableRef: string; totalsRow: boolean };
}

describe("writeWorkbookFile", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sctvm-write-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes a file whose tables, values, merges and hidden parts survive a reload", async () => {
    const file = path.join(dir, "round-trip.xlsx");
    await writeWorkbookFile(file, {
      sheets: [
        {
          name: "Input",
          tables: [
            { name: "Volumes", at: "C5", rows: [["Phase", "Population"], ["IOC", 10], [{ formula: "1+1", result: 2 }, { error: "#REF!" }]], totalsRow: true },
            { name: "DMCs", at: "H2", rows: [["DMC"], [{ richText: ["a", "b"] }]] },
          ],
          hiddenRows: [6],
        },
        { name: "Settings", hidden: true, cells: [{ at: "B2", rows: [[new Date(Date.UTC(2021, 2, 1)), true]] }], merges: ["B2:C2"] },
      ],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const input = workbook.getWorksheet("Input");
    const settings = workbook.getWorksheet("Settings");
    if (!input || !settings) throw new Error("sheets lost");

    const tables = (input as unknown as { tables: Record<string, LoadedTable> }).tables;
    expect(Object.values(tables).map((t) => [t.table.name, t.table.tableRef, t.table.totalsRow])).toEqual([
      ["Volumes", "C5:D8", true],
      ["DMCs", "H2:H3", false],
    ]);
    expect(input.getCell("C7").value).toEqual({ formula: "1+1", result: 2 });
    expect(input.getCell("D7").value).toEqual({ error: "#REF!" });
    expect(input.getCell("D8").value).toEqual({ formula: "SUBTOTAL(109,Volumes[Population])", result: 10 });
    expect(input.getCell("H3").value).toEqual({ richText: [{ text: "a" }, { text: "b" }] });
    expect(input.getRow(6).hidden).toBe(true);
    expect(settings.state).toBe("hidden");
    expect(settings.getCell("B2").value).toEqual(new Date(Date.UTC(2021, 2, 1)));
    expect(settings.getCell("C2").isMerged).toBe(true);
  });
});
