import fc from "fast-check";
import { renderTable, showFigure } from "./render-table";

describe("showFigure", () => {
  it("prints exactly what toLocaleString('en-GB') prints, for any number and digit count", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: 0, max: 4 }), (n, digits) => {
        expect(showFigure(n, digits)).toBe(n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 }));
      }),
      { numRuns: 500 },
    );
    // Where figures live, and exact halves (ties), where a rounding rule would show.
    const everyday = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 12 })).map(([k, m]) => k / 2 ** m));
    fc.assert(
      fc.property(everyday, fc.integer({ min: 0, max: 4 }), (n, digits) => {
        expect(showFigure(n, digits)).toBe(n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 }));
      }),
      { numRuns: 3000 },
    );
    expect(showFigure(-0.01)).toBe("-0");
    expect(showFigure(999.96)).toBe("1,000");
    expect(showFigure(1234567.25)).toBe("1,234,567.3");
    expect(showFigure(0.15, 1)).toBe("0.2");
    expect(showFigure(null)).toBe("");
  });
});

describe("renderTable", () => {
  it("pads columns, right-aligns the ones asked for, and escapes control characters", () => {
    const text = renderTable(["name", "n"], [["a\nb", "1"], ["long name", "22"]], new Set([1]));
    expect(text.split("\n")).toEqual(["name        n", "---------  --", "a\\nb        1", "long name  22"]);
  });
});
