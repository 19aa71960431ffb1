import type ExcelJS from "exceljs";
import { excelSerial, toCellValue } from "./to-cell-value";

describe("toCellValue", () => {
  it("passes numbers, strings and booleans through", () => {
    expect([toCellValue(1.5), toCellValue("IOC"), toCellValue(false)]).toEqual([1.5, "IOC", false]);
  });

  it("gives null for undefined, null and the empty string", () => {
    expect([toCellValue(undefined as unknown as ExcelJS.CellValue), toCellValue(null), toCellValue("")]).toEqual([null, null, null]);
  });

  it("gives a formula's cached result, converted in turn", () => {
    const cases: [ExcelJS.CellValue, unknown][] = [
      [{ formula: "A1", result: 7 } as ExcelJS.CellValue, 7],
      [{ sharedFormula: "A1", result: "x" } as ExcelJS.CellValue, "x"],
      [{ formula: "A1", result: { error: "#DIV/0!" } } as ExcelJS.CellValue, { error: "#DIV/0!" }],
      [{ formula: "TODAY()", result: new Date(Date.UTC(2021, 2, 1)) } as ExcelJS.CellValue, 44256],
      [{ formula: "A1" } as ExcelJS.CellValue, { formula: "A1" }],
    ];
    for (const [value, expected] of cases) expect(toCellValue(value)).toEqual(expected);
  });

  it("gives a hyperlink's text, plain or rich", () => {
    expect(toCellValue({ text: "SRV 4.6.1", hyperlink: "https://example.org" })).toBe("SRV 4.6.1");
    expect(toCellValue({ text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "x" } as unknown as ExcelJS.CellValue)).toBe("ab");
  });

  it("joins rich text runs", () => {
    expect(toCellValue({ richText: [{ text: "Meter " }, { text: "X1", font: { bold: true } }] })).toBe("Meter X1");
  });
});

describe("excelSerial", () => {
  it("gives whole days exactly and keeps the time of day", () => {
    expect(excelSerial(new Date(Date.UTC(2021, 2, 1)))).toBe(44256);
    expect(excelSerial(new Date(Date.UTC(1899, 11, 30)))).toBe(0);
    expect(excelSerial(new Date(Date.UTC(2021, 2, 1, 18)))).toBe(44256.75);
  });

  it("gives null for an invalid date", () => {
    expect(excelSerial(new Date(Number.NaN))).toBeNull();
  });
});
