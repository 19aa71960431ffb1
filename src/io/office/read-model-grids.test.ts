import "../../../test/support/office-globals";
import { mockExcel, type MockRangeSeed, type MockTableSeed } from "../../../test/support/office-mock";
import { analyseWorkbook, TABLE_NAMES } from "../../engine";
import { createOfficeWorkbook } from "./create-office-workbook";
import { readModelGrids } from "./read-model-grids";

/** A range seed: Office.js values ("" for blank) with matching valueTypes. */
function range(rowIndex: number, columnIndex: number, values: unknown[][], types?: string[][]): MockRangeSeed {
  const valueTypes =
    types ?? values.map((row) => row.map((v) => (v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String")));
  return { values, valueTypes, rowIndex, columnIndex };
}

function table(name: string, sheet: string, at: [number, number], values: unknown[][], extra: Partial<MockTableSeed> = {}): MockTableSeed {
  return { name, sheet, range: range(at[0], at[1], values), ...extra };
}

describe("readModelGrids (office-addin-mock)", () => {
  it("reads the nine model tables in two syncs, and no more with many other tables", async () => {
    const model = TABLE_NAMES.map((name, i) => table(name, `In${i % 3}`, [i, i + 1], [["Header"], ["value"]]));
    const others = Array.from({ length: 40 }, (_, i) => table(`Other${i}`, "Scratch", [i * 3, 0], [["x"], [1]]));
    for (const tables of [model.slice(0, 1), model, [...others, ...model]]) {
      const excel = mockExcel({ tables, sheets: [{ name: "In0" }, { name: "Scratch" }] });
      const grids = await readModelGrids(excel.context);
      expect(excel.syncCount()).toBe(2);
      expect(grids.tables.map((t) => t.name)).toEqual(tables.filter((t) => !t.name.startsWith("Other")).map((t) => t.name));
      // Only the planned tables' cells are loaded.
      expect(excel.rangesRequested.every((key) => !key.includes("Other"))).toBe(true);
    }
  });

  it("places each table's grid on its sheet at its 0-based top and left, header row first", async () => {
    const excel = mockExcel({
      tables: [
        table("Volumes", "Inputs", [4, 2], [["Phase", "DMC", "Population"], ["IOC", "S1-A", 1000], ["MOC", "", 2000]]),
        table("phases", "Model", [9, 1], [["Phase", "StartDate", "EndDate"], ["IOC", 44256, 44300]]),
      ],
      sheets: [{ name: "Inputs" }, { name: "Model" }],
    });
    const grids = await readModelGrids(excel.context);
    expect(grids.tables).toEqual([
      { name: "phases", sheet: "Model", top: 9, left: 1, rows: [["Phase", "StartDate", "EndDate"], ["IOC", 44256, 44300]] },
      { name: "Volumes", sheet: "Inputs", top: 4, left: 2, rows: [["Phase", "DMC", "Population"], ["IOC", "S1-A", 1000], ["MOC", null, 2000]] },
    ]);
    expect(grids.sheets).toEqual([]);
  });

  it("asks for names, sheets and header/totals flags in the first load, and the cells with their types in the second", async () => {
    const excel = mockExcel({ tables: [table("Phases", "Model", [0, 0], [["Phase"], ["IOC"]])], sheets: [{ name: "Model" }] });
    await readModelGrids(excel.context);
    const tableLoad = (excel.loads.tables ?? []).join(",").replace(/\s/g, "").split(",");
    expect(tableLoad).toEqual(expect.arrayContaining(["items/name", "items/worksheet/name", "items/showHeaders", "items/showTotals"]));
    expect((excel.loads.worksheets ?? []).join(",").replace(/\s/g, "")).toBe("items/name");
    expect((excel.loads["table:Phases"] ?? []).join(",").replace(/\s/g, "").split(",").sort()).toEqual(["columnIndex", "rowIndex", "valueTypes", "values"]);
  });

  it("turns error cells into errors, blanks into null and keeps numbers, booleans and text", async () => {
    const values = [["Phase", "Population", "Flag", "Note"], ["IOC", "#REF!", true, "#N/A"], ["", 12.5, false, ""]];
    const types = [["String", "String", "String", "String"], ["String", "Error", "Boolean", "String"], ["Empty", "Double", "Boolean", "Empty"]];
    const excel = mockExcel({ tables: [{ name: "Volumes", sheet: "V", range: range(0, 0, values, types) }], sheets: [{ name: "V" }] });
    const grids = await readModelGrids(excel.context);
    expect(grids.tables[0]?.rows).toEqual([
      ["Phase", "Population", "Flag", "Note"],
      ["IOC", { error: "#REF!" }, true, "#N/A"],
      [null, 12.5, false, null],
    ]);
  });

  it("makes the engine report an error cell as FORMULA_ERROR at its address", async () => {
    const values = [["Phase", "StartDate", "EndDate"], ["IOC", "#DIV/0!", 44300]];
    const types = [["String", "String", "String"], ["String", "Error", "Double"]];
    const excel = mockExcel({ tables: [{ name: "Phases", sheet: "Model", range: range(9, 1, values, types) }], sheets: [{ name: "Model" }] });
    const analysis = analyseWorkbook(await readModelGrids(excel.context));
    expect(analysis.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: "FORMULA_ERROR", cell: "'Model'!C11" })]));
  });

  it("drops a shown totals row and puts a hidden header's column names on the row above", async () => {
    const excel = mockExcel({
      tables: [
        table("Volumes", "V", [0, 0], [["Phase", "Population"], ["IOC", 10], ["Total", 10]], { showTotals: true }),
        table("DMCs", "D", [5, 3], [["S1-A", "SMETS1"]], { showHeaders: false, columns: ["DMC", "Generation"] }),
      ],
      sheets: [{ name: "V" }, { name: "D" }],
    });
    const grids = await readModelGrids(excel.context);
    expect(excel.syncCount()).toBe(2);
    expect(grids.tables).toEqual([
      { name: "DMCs", sheet: "D", top: 4, left: 3, rows: [["DMC", "Generation"], ["S1-A", "SMETS1"]] },
      { name: "Volumes", sheet: "V", top: 0, left: 0, rows: [["Phase", "Population"], ["IOC", 10]] },
    ]);
  });

  it("reads a sheet without a table of that name from A1 to its last used cell, and a blank sheet as no rows", async () => {
    const excel = mockExcel({
      tables: [table("Volumes", "V", [0, 0], [["Phase"], ["IOC"]])],
      sheets: [
        { name: "V" },
        { name: "Profiles", fromA1: range(0, 0, [["", "", ""], ["", "Profile", "H00"], ["", "Flat", 1]]) },
        { name: "Phases", fromA1: range(0, 0, [[""]]) },
      ],
    });
    const grids = await readModelGrids(excel.context);
    expect(excel.syncCount()).toBe(2);
    expect(grids.sheets).toEqual([
      { name: "Phases", sheet: "Phases", top: 0, left: 0, rows: [] },
      { name: "Profiles", sheet: "Profiles", top: 0, left: 0, rows: [[null, null, null], [null, "Profile", "H00"], [null, "Flat", 1]] },
    ]);
  });

  it("makes one sync only when no table or sheet has a model name", async () => {
    const excel = mockExcel({ tables: [table("Notes", "Scratch", [0, 0], [["x"]])], sheets: [{ name: "Scratch" }] });
    expect(await readModelGrids(excel.context)).toEqual({ tables: [], sheets: [] });
    expect(excel.syncCount()).toBe(1);
  });

  it("wraps a host failure in one line naming the action, with the host error as cause", async () => {
    const hostFailure = Object.assign(new Error("The requested resource doesn't exist.\nat line 1"), { code: "ItemNotFound" });
    const workbook = createOfficeWorkbook(async () => {
      throw hostFailure;
    });
    const error = await workbook.readModel().then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toBe("Excel could not read the model tables: The requested resource doesn't exist. (ItemNotFound)");
    expect(error?.cause).toBe(hostFailure);
  });
});
