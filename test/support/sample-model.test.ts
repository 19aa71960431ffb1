import { readWorkbookFile } from "../../src/io/xlsx/read-workbook-file";
import { gridsFromWorkbook } from "./exceljs-grids";
import { appendRow, place, tableOf } from "./model-edits";
import { loadSampleModel, SAMPLE_XLSX, toWorkbookSpec } from "./sample-model";
import { buildWorkbook } from "./write-workbook";

describe("loadSampleModel", () => {
  it("gives the same grids as the bundled sample workbook built from the same source", async () => {
    const fromSource = gridsFromWorkbook(buildWorkbook(toWorkbookSpec(loadSampleModel())));
    expect(fromSource).toEqual(await readWorkbookFile(SAMPLE_XLSX));
  });

  it("types cells as build-sample does: numbers, dates, and ModelVersion kept as text", () => {
    const book = loadSampleModel();
    expect(tableOf(book, "Volumes").rows[0]).toEqual(["IOC", "S1-ALD-ELEC-01", 650000, 700, null]);
    expect(tableOf(book, "Phases").rows[0]?.slice(0, 3)).toEqual(["IOC", new Date(Date.UTC(2019, 6, 29)), new Date(Date.UTC(2020, 2, 31))]);
    expect(tableOf(book, "Settings").rows.map((r) => r[1])).toEqual(["Appendix A sample volume model", "1.0", 0.1, 1.5, 0.1]);
  });

  it("refuses a layout whose tables overlap on a sheet", () => {
    const book = loadSampleModel();
    place(book, "Providers", "Model", "C5");
    expect(() => toWorkbookSpec(book)).toThrow(/overlaps/);
  });

  it("gives a fresh copy on every load", () => {
    const edited = loadSampleModel();
    appendRow(edited, "Providers", { Provider: "XSP" });
    expect(tableOf(loadSampleModel(), "Providers").rows).toHaveLength(4);
  });
});
