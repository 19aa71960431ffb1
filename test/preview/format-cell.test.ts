import { conditionalStyle, formatCell, gridSize } from "../../scripts/preview/format-cell";
import { HIGHLIGHTS } from "../../src/io/office/result-sheet-layout";
import type { StandinConditionalFormat } from "../standin/standin-workbook";

describe("preview: cells drawn as Excel draws them", () => {
  it("applies the number formats the add-in and the sample use", () => {
    expect(formatCell({ value: 0.7071, numberFormat: "0.0%" })).toBe("70.7%");
    expect(formatCell({ value: 0.2, numberFormat: "0%" })).toBe("20%");
    expect(formatCell({ value: 1647862.4049, numberFormat: "#,##0.00" })).toBe("1,647,862.40");
    expect(formatCell({ value: 442.0512, numberFormat: "0.000" })).toBe("442.051");
    expect(formatCell({ value: 2, numberFormat: "0" })).toBe("2");
    expect(formatCell({ value: 44256, numberFormat: "yyyy-mm-dd" })).toBe("2021-03-01");
    expect(formatCell({ value: "1.0", numberFormat: "@" })).toBe("1.0");
    expect(formatCell({ value: true })).toBe("TRUE");
    expect(formatCell({ value: { error: "#REF!" } })).toBe("#REF!");
    expect(formatCell(undefined)).toBe("");
  });

  it("shows General numbers without floating-point noise, at most about 10 significant digits", () => {
    expect(formatCell({ value: 0.1 + 0.2 })).toBe("0.3");
    expect(formatCell({ value: 8.919999999999995 })).toBe("8.92");
    expect(formatCell({ value: 1500000 })).toBe("1500000");
    expect(formatCell({ value: 1e-12 })).toBe("1E-12");
  });

  it("draws the result sheets' highlights: FAIL and utilisation over 1 red, 0.8 to 1 amber", () => {
    const formats: StandinConditionalFormat[] = HIGHLIGHTS.filter((h) => h.column !== "severity").map((h) => ({
      range: h.column === "status" ? "L5:L16" : "K5:K16",
      type: "CellValue",
      rule: h.formula2 === undefined ? { formula1: h.formula1, operator: h.operator } : ({ formula1: h.formula1, formula2: h.formula2, operator: h.operator } as Record<string, string>),
      format: { fill: h.fill, fontColor: h.font },
    }));
    expect(conditionalStyle(formats, 15, 11, { value: "FAIL" })).toEqual({ fill: "#FFC7CE", fontColor: "#9C0006" });
    expect(conditionalStyle(formats, 15, 11, { value: "PASS" })).toBeUndefined();
    expect(conditionalStyle(formats, 15, 10, { value: 1.0986 })).toEqual({ fill: "#FFC7CE", fontColor: "#9C0006" });
    expect(conditionalStyle(formats, 15, 10, { value: 0.9 })).toEqual({ fill: "#FFEB9C", fontColor: "#9C5700" });
    expect(conditionalStyle(formats, 15, 10, { value: 0.5 })).toBeUndefined();
    // Outside the format's range nothing applies.
    expect(conditionalStyle(formats, 2, 10, { value: 2 })).toBeUndefined();
  });
});

describe("preview: the grid's limit", () => {
  it("announces rows and columns past the limit instead of cutting them silently", () => {
    const cells: Record<string, { value: number }> = { A1: { value: 1 }, C450: { value: 2 }, AR2: { value: 3 } };
    expect(gridSize({ name: "Big", cells }, 400, 40)).toEqual({ rows: 400, cols: 40, hiddenRows: 50, hiddenCols: 4 });
    expect(gridSize({ name: "Small", cells: { B3: { value: 1 } } }, 400, 40)).toEqual({ rows: 5, cols: 3, hiddenRows: 0, hiddenCols: 0 });
  });
});
