import "../../../test/support/office-globals";
import { mockExcel } from "../../../test/support/office-mock";
import { createOfficeWorkbook } from "./create-office-workbook";

describe("selectCell (office-addin-mock)", () => {
  it("activates the sheet and selects the cell of the address, in one sync", async () => {
    const excel = mockExcel({ sheets: [{ name: "Volumes" }, { name: "It's mine" }] });
    await createOfficeWorkbook(excel.run).selectCell("'It''s mine'!C7");
    expect(excel.calls).toEqual(["activate It's mine", "select It's mine 6,2,1,1"]);
    expect(excel.syncCount()).toBe(1);
  });

  it("refuses text that is not a cell address without calling the host", async () => {
    const excel = mockExcel({ sheets: [{ name: "Volumes" }] });
    await expect(createOfficeWorkbook(excel.run).selectCell("Volumes C7")).rejects.toThrow("'Volumes C7' is not a cell address such as 'Volumes'!C7");
    expect(excel.calls).toEqual([]);
    expect(excel.syncCount()).toBe(0);
  });

  it("reports a missing sheet as a one-line host error", async () => {
    const excel = mockExcel({ sheets: [{ name: "Volumes" }] });
    await expect(createOfficeWorkbook(excel.run).selectCell("'Gone'!A1")).rejects.toThrow("Excel could not select 'Gone'!A1: mock: no worksheet 'Gone'");
  });
});
