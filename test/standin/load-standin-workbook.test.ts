import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/io/xlsx/read-workbook-file";
import { createOfficeWorkbook } from "../../src/io/office";
import { SAMPLE_XLSX } from "../support/standin-fixtures";
import { buildWorkbook } from "../support/write-workbook";
import { createStandinHost } from "./excel-standin";
import { loadStandinWorkbook, standinFromExcelJs, standinFromJsonText } from "./load-standin-workbook";
import { toJSON } from "./standin-workbook";

describe("loadStandinWorkbook", () => {
  it("copies every sheet and every table (name and range) of the sample workbook", async () => {
    const standin = await loadStandinWorkbook(SAMPLE_XLSX);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(SAMPLE_XLSX);
    expect(standin.sheets.map((s) => s.name)).toEqual(excel.worksheets.map((w) => w.name));
    const tables = standin.sheets.flatMap((s) => s.tables.map((t) => [s.name, t.name, t.ref, t.showHeaders, t.showTotals]));
    expect(tables).toEqual([
      ["Model", "Settings", "B2:D7", true, false],
      ["Model", "Providers", "F2:G6", true, false],
      ["Model", "PerformanceLevels", "I2:N9", true, false],
      ["Model", "Phases", "B10:E13", true, false],
      ["DMCs", "DMCs", "A1:G23", true, false],
      ["Volumes", "Volumes", "A1:E50", true, false],
      ["Transactions", "Transactions", "A1:J46", true, false],
      ["Transactions", "Overrides", "L1:O8", true, false],
      ["Profiles", "Profiles", "A1:Y6", true, false],
    ]);
    // Dates are serials with their date format, fractions keep their percent format.
    const model = toJSON(standin).sheets.find((s) => s.name === "Model")!;
    expect(model.cells.C11).toEqual({ value: expect.any(Number), numberFormat: expect.stringMatching(/y/) });
  });

  it("is a faithful copy: the adapter reads from it exactly the grids the xlsx reader reads from the file", async () => {
    const host = createStandinHost(await loadStandinWorkbook(SAMPLE_XLSX));
    const office = createOfficeWorkbook(host.Excel.run as never);
    expect(await office.readModel()).toEqual(await readWorkbookFile(SAMPLE_XLSX));
  });

  it("survives JSON: toJSON, JSON text and fromJSON give the same workbook", async () => {
    const standin = await loadStandinWorkbook(SAMPLE_XLSX);
    const json = toJSON(standin);
    const back = standinFromJsonText(JSON.stringify(json));
    expect(toJSON(back)).toEqual(json);
    expect(back.sheets.map((s) => s.cells.size)).toEqual(standin.sheets.map((s) => s.cells.size));
  });

  it("keeps error cells, totals rows and hidden sheets", () => {
    const excel = buildWorkbook({
      sheets: [
        { name: "In", tables: [{ name: "Volumes", at: "C5", rows: [["Phase", "Population"], ["IOC", { error: "#REF!" }]], totalsRow: true }] },
        { name: "Hidden", hidden: true, cells: [{ at: "A1", rows: [["x"]] }] },
      ],
    });
    const standin = standinFromExcelJs(excel);
    const json = toJSON(standin);
    expect(json.sheets[0]?.tables).toEqual([{ name: "Volumes", ref: "C5:D7", showHeaders: true, showTotals: true }]);
    expect(json.sheets[0]?.cells.D6).toEqual({ value: { error: "#REF!" } });
    expect(json.sheets[1]?.visibility).toBe("Hidden");
  });
});
