import fc from "fast-check";
import { analyseWorkbook } from "../analyse-workbook";
import { arbitraryModelTables, tablesToGrids } from "../../../test/support/arbitrary-model";
import type { Rows } from "../../../test/support/model-grids";
import { compareModels, type AnalysedModel } from "./compare-models";
import { MEASURES } from "./compare-types";

function analysed(t: Record<string, Rows>): AnalysedModel {
  const a = analyseWorkbook(tablesToGrids(t));
  if (!a.model || !a.results || !a.fingerprint) throw new Error(`arbitrary model has errors: ${a.issues[0]?.message}`);
  return { model: a.model, results: a.results, fingerprint: a.fingerprint };
}

describe("attribution (property)", () => {
  it("parts sum to the change of every figure on random pairs of models", () => {
    fc.assert(
      fc.property(arbitraryModelTables, arbitraryModelTables, (x, y) => {
        const c = compareModels(analysed(x), analysed(y));
        if ("error" in c) throw new Error(c.error);
        for (const row of c.rows) {
          for (const m of MEASURES) {
            const f = row[m];
            const sum = f.parts.reduce((a, p) => a + p.value, 0);
            // Rounding is relative to the largest figure summed: large parts may cancel
            // (say volumes +6.9M and rates −6.9M when a row moved to another generation).
            const scale = Math.max(1, Math.abs(f.baseline), Math.abs(f.model), ...f.parts.map((p) => Math.abs(p.value)));
            expect(Math.abs(sum - f.change)).toBeLessThanOrEqual(1e-9 * scale);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a model compared with itself is broadly as predicted with every part exactly zero", () => {
    fc.assert(
      fc.property(arbitraryModelTables, (x) => {
        const a = analysed(x);
        const c = compareModels(a, a);
        if ("error" in c) throw new Error(c.error);
        expect(c.verdict).toBe("BROADLY_AS_PREDICTED");
        expect(c.movedGroups).toEqual([]);
        for (const row of c.rows) for (const m of MEASURES) for (const p of row[m].parts) expect(p.value).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});
