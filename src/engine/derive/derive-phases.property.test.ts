/**
 * Phases are independent: derived in any order, into any zeroed arrays, with some phases
 * spoiled then cleared and derived again (what the CLI does when its second thread dies
 * mid-phase), a plan gives deriveRates' results bit for bit.
 */
import fc from "fast-check";
import { arbitraryModelTables, tablesToGrids } from "../../../test/support/arbitrary-model";
import { parseModel } from "../parse/parse-model";
import { clearPhase, derivePhase, deriveRates, finishDerivation, planDerivation } from "./derive-rates";

describe("planDerivation, derivePhase, finishDerivation", () => {
  it("give deriveRates' results whatever the phase order, the allocator, and phases spoiled then cleared", () => {
    fc.assert(
      fc.property(arbitraryModelTables, fc.boolean(), fc.nat(), fc.array(fc.nat(), { maxLength: 4 }), (tables, dmcSeries, orderSeed, spoiled) => {
        const model = parseModel(tablesToGrids(tables)).model!;
        const reference = deriveRates(model, { dmcSeries });
        let allocated = 0;
        const plan = planDerivation(model, {
          dmcSeries,
          allocate: (length) => {
            allocated++;
            return new Float64Array(new SharedArrayBuffer(length * 8));
          },
        });
        // rates, drivers, bySeries, providerHourly, and byDmc when kept
        expect(allocated).toBe(dmcSeries ? 5 : 4);
        const order = Array.from({ length: plan.P }, (_, ph) => ph).sort((a, b) => ((a * 7919 + orderSeed) % 13) - ((b * 7919 + orderSeed) % 13));
        for (const ph of order) derivePhase(plan, ph);
        for (const k of spoiled) {
          if (plan.P === 0) break;
          const ph = k % plan.P;
          // A half-done phase: loads added again on top of the derived ones.
          derivePhase(plan, ph);
          clearPhase(plan, ph);
          derivePhase(plan, ph);
        }
        const results = finishDerivation(model, plan);
        // toEqual on Float64Arrays compares element by element with Object.is: bit-identical.
        expect(results.providerHourly).toEqual(reference.providerHourly);
        expect(results.bySeries).toEqual(reference.bySeries);
        expect(results.byStream).toEqual(reference.byStream);
        expect(results.byDmc).toEqual(reference.byDmc);
        expect(results.summaries).toEqual(reference.summaries);
        expect(results.series).toEqual(reference.series);
      }),
      { numRuns: 100 },
    );
  });
});
