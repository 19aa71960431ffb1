import { analyseWorkbook, type CellValue } from "..";
import { buildGrids, type Rows } from "../../../test/support/model-grids";
import { fingerprintModel } from "../fingerprint/fingerprint-model";

/** PerformanceLevels with the evidence columns (spec v1.1) F, G, H on the DSP row (data row 1). */
function withColumns(target: CellValue, percentile: CellValue, maxErrorRate: CellValue) {
  return analyseWorkbook(
    buildGrids((t) => {
      const rows = t.PerformanceLevels as Rows;
      rows[0]!.push("TargetResponseSeconds", "Percentile", "MaxErrorRate");
      rows[1]!.push(target, percentile, maxErrorRate);
      for (const r of rows.slice(2)) r.push(null, null, null);
    }),
  );
}

describe("PerformanceLevels evidence columns", () => {
  it("reads TargetResponseSeconds, Percentile and MaxErrorRate with their cells", () => {
    const a = withColumns(0.5, 0.99, 0.01);
    expect(a.errorCount).toBe(0);
    const dsp = a.model!.levels[0]!;
    expect(dsp.targetResponseSeconds).toEqual({ value: 0.5, cell: "'PerformanceLevels'!F2" });
    expect(dsp.percentile).toEqual({ value: 0.99, cell: "'PerformanceLevels'!G2" });
    expect(dsp.maxErrorRate).toEqual({ value: 0.01, cell: "'PerformanceLevels'!H2" });
  });

  it("defaults: no target, the 95th percentile, no failed requests allowed", () => {
    const a = analyseWorkbook(buildGrids());
    const dsp = a.model!.levels[0]!;
    expect(dsp.targetResponseSeconds).toBeNull();
    expect(dsp.percentile.value).toBe(0.95);
    expect(dsp.maxErrorRate.value).toBe(0);
    const blank = withColumns(null, null, null).model!.levels[0]!;
    expect([blank.targetResponseSeconds, blank.percentile.value, blank.maxErrorRate.value]).toEqual([null, 0.95, 0]);
  });

  it("keeps the fingerprint of a model that leaves the columns blank or at their defaults", () => {
    const before = fingerprintModel(analyseWorkbook(buildGrids()).model!);
    expect(fingerprintModel(withColumns(null, 0.95, 0).model!)).toBe(before);
    expect(fingerprintModel(withColumns(0.5, null, null).model!)).not.toBe(before);
  });

  it.each([
    ["TargetResponseSeconds 0", [0, null, null], "OUT_OF_RANGE", "F2"],
    ["TargetResponseSeconds negative", [-1, null, null], "OUT_OF_RANGE", "F2"],
    ["TargetResponseSeconds text", ["fast", null, null], "NOT_A_NUMBER", "F2"],
    ["Percentile 0", [null, 0, null], "OUT_OF_RANGE", "G2"],
    ["Percentile above 100", [null, 950, null], "OUT_OF_RANGE", "G2"],
    ["MaxErrorRate negative", [null, null, -0.1], "NEGATIVE", "H2"],
    ["MaxErrorRate above 1", [null, null, 5], "OUT_OF_RANGE", "H2"],
    ["MaxErrorRate as an Excel error", [null, null, { error: "#DIV/0!" }], "FORMULA_ERROR", "H2"],
  ] as [string, CellValue[], string, string][])("reports %s as an error at its cell", (_, [t, p, m], code, cell) => {
    const a = withColumns(t ?? null, p ?? null, m ?? null);
    expect(a.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell])).toEqual([[code, `'PerformanceLevels'!${cell}`]]);
    expect(a.results).toBeUndefined();
  });

  it("reads a whole-number Percentile as a percentage with PERCENT_AS_WHOLE", () => {
    const a = withColumns(null, 95, null);
    expect(a.errorCount).toBe(0);
    const hit = a.issues.find((i) => i.code === "PERCENT_AS_WHOLE");
    expect(hit).toMatchObject({ severity: "warning", cell: "'PerformanceLevels'!G2" });
    expect(hit?.message).toContain("Read as 0.95");
    expect(a.model!.levels[0]!.percentile.value).toBe(0.95);
  });

  it("accepts numeric text with NUMBER_AS_TEXT, like every numeric column", () => {
    const a = withColumns("0.25", null, null);
    expect(a.issues.map((i) => [i.code, i.cell])).toContainEqual(["NUMBER_AS_TEXT", "'PerformanceLevels'!F2"]);
    expect(a.model!.levels[0]!.targetResponseSeconds?.value).toBe(0.25);
  });
});
