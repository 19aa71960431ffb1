/** Deriving without per-DMC series (compute --outputs without rates-by-dmc) changes no other figure, bit for bit. */
import fc from "fast-check";
import { dmcSeries } from "..";
import { arbitraryModelTables, tablesToGrids } from "../../../test/support/arbitrary-model";
import { parseModel } from "../parse/parse-model";
import { deriveRates } from "./derive-rates";

describe("deriveRates without per-DMC series", () => {
  it("gives the same provider hours, series, streams and summaries as the full derivation, for any model", () => {
    fc.assert(
      fc.property(arbitraryModelTables, (tables) => {
        const model = parseModel(tablesToGrids(tables)).model!;
        const full = deriveRates(model);
        const lean = deriveRates(model, { dmcSeries: false });
        expect(lean.byDmc).toBeNull();
        // toEqual on Float64Arrays compares element by element with Object.is: bit-identical, -0 included.
        expect(lean.providerHourly).toEqual(full.providerHourly);
        expect(lean.bySeries).toEqual(full.bySeries);
        expect(lean.byStream).toEqual(full.byStream);
        expect(lean.summaries).toEqual(full.summaries);
      }),
      { numRuns: 100 },
    );
  });

  it("says plainly that the per-DMC series were left out when asked for one", () => {
    const model = parseModel(tablesToGrids(fc.sample(arbitraryModelTables, { numRuns: 1, seed: 1 })[0]!)).model!;
    expect(() => dmcSeries(deriveRates(model, { dmcSeries: false }), 0, 0, 0)).toThrow("internal error: these results were derived without per-DMC series");
  });
});
