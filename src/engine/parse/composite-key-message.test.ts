import { analyseWorkbook } from "..";
import { buildGrids, type Rows } from "../../../test/support/model-grids";

describe("DUPLICATE_KEY for composite keys", () => {
  it("names both key columns and the repeated values", () => {
    const a = analyseWorkbook(buildGrids((t) => { (t.Volumes as Rows).push(["ioc", "S1-A", 5, 0, 0]); }));
    const hit = a.issues.find((i) => i.code === "DUPLICATE_KEY");
    expect(hit?.message).toBe("duplicate key (found (Phase, DMC) (ioc, S1-A) again; expected each (Phase, DMC) combination once).");
  });

  it("does the same for (Provider, Phase) and (DMC, Transaction)", () => {
    const a = analyseWorkbook(buildGrids((t) => {
      (t.PerformanceLevels as Rows).push(["DSP", null, 5, null, 0]);
      (t.Overrides as Rows).push(["S2-B", "Alert", 0.5]);
    }));
    const messages = a.issues.filter((i) => i.code === "DUPLICATE_KEY").map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining("expected each (Provider, Phase) combination once"), expect.stringContaining("expected each (DMC, Transaction) combination once")]));
  });
});
