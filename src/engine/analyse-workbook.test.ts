import { analyseWorkbook, buildOutputTables, formatCsv } from ".";
import { buildGrids } from "../../test/support/model-grids";

describe("analyseWorkbook", () => {
  it("computes a valid model with no errors", () => {
    const a = analyseWorkbook(buildGrids());
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(a.results?.summaries).toHaveLength(4);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});
