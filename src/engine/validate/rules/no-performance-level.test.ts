import { analyseWorkbook } from "../..";
import { buildGrids, type Rows } from "../../../../test/support/model-grids";
import { noPerformanceLevel } from "./no-performance-level";

describe("noPerformanceLevel", () => {
  it("warns for each phase in which a provider carries load without a level", () => {
    // Keep only the DSP level: S1SP carries load in IOC and MOC with none.
    const a = analyseWorkbook(buildGrids((t) => { t.PerformanceLevels = (t.PerformanceLevels as Rows).slice(0, 2); }));
    const found: string[] = [];
    noPerformanceLevel.check(a.model!, a.results!, (code, table, cell, d) => found.push(`${code} ${table} ${cell || "-"} ${d?.column}`));
    expect(found).toEqual(["NO_PERFORMANCE_LEVEL PerformanceLevels - S1SP in IOC", "NO_PERFORMANCE_LEVEL PerformanceLevels - S1SP in MOC"]);
  });

  it("is silent when every loaded provider has a level", () => {
    const a = analyseWorkbook(buildGrids());
    const found: string[] = [];
    noPerformanceLevel.check(a.model!, a.results!, (code) => found.push(code));
    expect(found).toEqual([]);
  });
});
