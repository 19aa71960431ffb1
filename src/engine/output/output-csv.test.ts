import fc from "fast-check";
import { analyseWorkbook, buildOutputTables, formatCsv, formatOutputCsv } from "..";
import { arbitraryModelTables, tablesToGrids } from "../../../test/support/arbitrary-model";
import { buildGrids } from "../../../test/support/model-grids";

function expectSameAsTables(a: ReturnType<typeof analyseWorkbook>): void {
  const fast = formatOutputCsv(a.model!, a.results!, a.issues);
  const slow = buildOutputTables(a.model!, a.results!, a.issues).map((t) => ({ file: t.file, text: formatCsv(t) }));
  expect(fast).toEqual(slow);
}

describe("formatOutputCsv", () => {
  it("writes the same bytes as formatting the output tables, for the base model", () => {
    expectSameAsTables(analyseWorkbook(buildGrids((t) => { (t.DMCs as unknown[][])[1]![0] = "=S1,\"A\""; (t.Volumes as unknown[][]).forEach((r) => { if (r[1] === "S1-A") r[1] = "=S1,\"A\""; }); })));
  });

  it("writes the same bytes as formatting the output tables, for any model", () => {
    fc.assert(fc.property(arbitraryModelTables, (t) => expectSameAsTables(analyseWorkbook(tablesToGrids(t)))), { numRuns: 60 });
  });
});
