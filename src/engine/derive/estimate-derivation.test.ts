import { analyseWorkbook, type Results } from "..";
import { buildLargeModel, largeModelGrids } from "../../../bench/build-large-model";
import { buildGrids } from "../../../test/support/model-grids";
import { parseModel } from "../parse/parse-model";
import { deriveRates } from "./derive-rates";
import { estimateDerivation } from "./estimate-derivation";

const SHAPE = { seed: 7, dmcs: 120, transactions: 60, overrides: 10 };
const large = parseModel(largeModelGrids(buildLargeModel(SHAPE))).model!;
const arrays = (r: Results): number => [r.byDmc, r.bySeries, r.byStream, r.providerHourly].reduce((n, a) => n + (a?.byteLength ?? 0), 0);

describe("estimateDerivation", () => {
  it.each([true, false])("gives exactly the bytes of the result arrays the derivation allocates (per-DMC series kept: %s)", (dmcSeries) => {
    for (const model of [large, parseModel(buildGrids()).model!]) {
      const results = deriveRates(model, { dmcSeries });
      const estimate = estimateDerivation(model, dmcSeries);
      expect(estimate.resultsBytes).toBe(arrays(results));
      expect(estimate.dmcSeriesBytes).toBe(results.byDmc?.byteLength ?? 0);
      expect(estimate.bytes).toBe(estimate.resultsBytes + estimate.workingBytes);
    }
  });

  it("counts the working arrays from the model's counts: the rate of every (DMC, row) first", () => {
    const [P, R, D, T] = [large.phases.length, large.providers.length, large.dmcs.length, large.transactions.length];
    expect([P, R, D, T]).toEqual([3, 6, 120, 60]);
    // rates D×T, drivers P×D×3, shares T×24, routing T×R, one DMC's loads R×24 (8 bytes each); two Int32 per row.
    expect(estimateDerivation(large).workingBytes).toBe((120 * 60 + 3 * 120 * 3 + 60 * 24 + 60 * 6 + 6 * 24) * 8 + 2 * 60 * 4);
    // Per DMC: 3 phases × 6 providers × 24 hours × 8 bytes.
    expect(estimateDerivation(large).dmcSeriesBytes).toBe(120 * 3 * 6 * 24 * 8);
  });
});

describe("analyseWorkbook with a derivation budget", () => {
  const grids = largeModelGrids(buildLargeModel(SHAPE));
  const full = estimateDerivation(large).bytes;
  const lean = estimateDerivation(large, false).bytes;

  it("refuses, before deriving, a model whose derivation would pass the budget, with both figures", () => {
    const a = analyseWorkbook(grids, { maxDeriveBytes: full - 1 });
    expect(a.results).toBeUndefined();
    expect(a.errorCount).toBe(0);
    expect(a.tooLarge).toEqual({ bytes: full, bytesWithoutDmcSeries: lean, budgetBytes: full - 1 });
  });

  it("derives a model that fits the budget exactly, and one without per-DMC series under a budget the full one passes", () => {
    expect(analyseWorkbook(grids, { maxDeriveBytes: full }).results?.byDmc).not.toBeNull();
    const a = analyseWorkbook(grids, { maxDeriveBytes: lean, dmcSeries: false });
    expect(a.tooLarge).toBeUndefined();
    expect(a.results?.byDmc).toBeNull();
    expect(a.results?.summaries).toEqual(analyseWorkbook(grids).results?.summaries);
  });
});
