import { analyseWorkbook, OUTPUT_FILES } from "../../engine";
import { baseTables, grid } from "../../../test/support/model-grids";
import { columnNumberFormat, officeValue, resultOutputs, resultTitle } from "./result-sheet-layout";

function analysisOf(tables = baseTables()) {
  return analyseWorkbook({ tables: Object.entries(tables).map(([name, rows]) => grid(name, rows)), sheets: [] });
}

describe("result sheet layout", () => {
  it("writes all five outputs for a clean model and only the issues for a model with errors", () => {
    expect(resultOutputs(analysisOf()).map((o) => o.file)).toEqual(OUTPUT_FILES);
    const tables = baseTables();
    tables.Volumes = [["Phase", "DMC", "Population"], ["IOC", "S1-A", "many"]];
    expect(resultOutputs(analysisOf(tables)).map((o) => o.file)).toEqual(["issues.csv"]);
  });

  it("titles a sheet with the model name and version, and stamps it with fingerprint and time", () => {
    const analysis = analysisOf();
    const [title, meta] = resultTitle(analysis, "provider-hourly.csv", "2025-01-01T00:00:00Z");
    expect(title).toBe("Test model (version 1): transactions per hour per phase, provider and hour");
    expect(meta).toBe(`Fingerprint ${analysis.fingerprint} · computed 2025-01-01T00:00:00Z · written by sctvm (provider-hourly.csv)`);
  });

  it("formats per-hour figures #,##0.00, per-second 0.000, utilisation 0.0%, hours 0 and text @", () => {
    expect(columnNumberFormat("per_hour", [1])).toBe("#,##0.00");
    expect(columnNumberFormat("required_per_hour", [1])).toBe("#,##0.00");
    expect(columnNumberFormat("daily_total", [1])).toBe("#,##0.00");
    expect(columnNumberFormat("capacity_per_second", [null])).toBe("0.000");
    expect(columnNumberFormat("utilisation", [0.5])).toBe("0.0%");
    expect(columnNumberFormat("peak_hour", [2])).toBe("0");
    expect(columnNumberFormat("provider", ["DSP"])).toBe("@");
    expect(columnNumberFormat("something_new", [3])).toBe("General");
  });

  it("writes blanks as empty cells and never a non-finite number", () => {
    expect([null, Number.NaN, Infinity, 2, "x"].map(officeValue)).toEqual(["", "", "", 2, "x"]);
  });
});
