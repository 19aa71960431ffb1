import fc from "fast-check";
import { analyseWorkbook, dmcSeries, explainHour, hourlyOf, HOURS, STREAMS, streamSeries, transactionSeries, type Analysis, type ExplainTerm } from ".";
import { arbitraryGrids, arbitraryModelTables, tablesToGrids } from "../../test/support/arbitrary-model";
import type { Rows } from "../../test/support/model-grids";

function computed(tables: Record<string, Rows>): Required<Pick<Analysis, "model" | "results">> {
  const a = analyseWorkbook(tablesToGrids(tables));
  if (!a.model || !a.results) throw new Error(`generator made an invalid model: ${a.issues.map((i) => `${i.code} ${i.cell}`).join(", ")}`);
  return { model: a.model, results: a.results };
}

function scaleVolumes(tables: Record<string, Rows>, k: number): Record<string, Rows> {
  const volumes = (tables.Volumes as Rows).map((row, r) => (r === 0 ? row : row.map((v, c) => (c >= 2 && typeof v === "number" ? v * k : v))));
  return { ...tables, Volumes: volumes };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe("engine properties", () => {
  it("never throws on any grid, and reports problems as issues", () => {
    fc.assert(
      fc.property(arbitraryGrids, (grids) => {
        const a = analyseWorkbook(grids);
        expect(a.errorCount + a.warningCount).toBe(a.issues.length);
        for (const i of a.issues) expect(i.message.length).toBeGreaterThan(0);
        if (a.errorCount > 0) expect(a.results).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("generates only valid models (the other properties rely on it)", () => {
    fc.assert(fc.property(arbitraryModelTables, (t) => expect(analyseWorkbook(tablesToGrids(t)).errorCount).toBe(0)), { numRuns: 100 });
  });

  it("scales every rate by k when every volume is scaled by k (exactly for powers of two)", () => {
    fc.assert(
      fc.property(arbitraryModelTables, fc.constantFrom(2, 4, 0.5, 1024), (tables, k) => {
        const base = computed(tables).results;
        const scaled = computed(scaleVolumes(tables, k)).results;
        const mismatch = (a: Float64Array, b: Float64Array): number => a.findIndex((v, i) => b[i] !== v * k);
        expect(mismatch(base.byDmc!, scaled.byDmc!)).toBe(-1);
        expect(mismatch(base.providerHourly, scaled.providerHourly)).toBe(-1);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(arbitraryModelTables, fc.double({ min: 0.01, max: 100, noNaN: true }), (tables, k) => {
        const base = computed(tables).results;
        const scaled = computed(scaleVolumes(tables, k)).results;
        expect(base.providerHourly.findIndex((v, i) => !close(scaled.providerHourly[i] as number, v * k))).toBe(-1);
      }),
      { numRuns: 100 },
    );
  });

  it("makes provider totals equal the sum of the DMC series and of the transaction series", () => {
    fc.assert(
      fc.property(arbitraryModelTables, (tables) => {
        const { results: r } = computed(tables);
        const sum = (views: readonly Float64Array[], h: number): number => views.reduce((acc, v) => acc + (v[h] as number), 0);
        for (let ph = 0; ph < r.phaseCount; ph++) {
          for (let p = 0; p < r.providerCount; p++) {
            const dmcs = Array.from({ length: r.dmcCount }, (_, d) => dmcSeries(r, ph, p, d));
            const series = r.series.map((_, s) => transactionSeries(r, ph, p, s));
            const streams = STREAMS.map((stream) => streamSeries(r, ph, p, stream));
            const hourly = hourlyOf(r, ph, p);
            for (let h = 0; h < HOURS; h++) {
              const byDmc = sum(dmcs, h);
              const bySeries = sum(series, h);
              const byStream = sum(streams, h);
              const total = hourly[h] as number;
              // Same order as the engine for DMCs: exact; other groupings within rounding.
              if (byDmc !== total || !close(bySeries, total) || !close(byStream, total)) {
                expect({ ph, p, h, byDmc, bySeries, byStream }).toEqual({ ph, p, h, byDmc: total, bySeries: total, byStream: total });
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("derives nothing negative and nothing NaN", () => {
    fc.assert(
      fc.property(arbitraryModelTables, (tables) => {
        const { results: r } = computed(tables);
        for (const arr of [r.providerHourly, r.byDmc!, r.bySeries, r.byStream]) expect(arr.findIndex((v) => !(Number.isFinite(v) && v >= 0))).toBe(-1);
        for (const s of r.summaries) {
          expect(Number.isFinite(s.requiredPerHour) && s.requiredPerHour >= s.peakPerHour).toBe(true);
          expect(s.peakHour).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("explains every provider hour, DMC hour and transaction hour with terms that sum exactly to the figure", () => {
    const sumsExactly = (value: number, terms: readonly ExplainTerm[]): void => {
      let sum = 0;
      for (const t of terms) sum += t.value;
      if (terms.length > 0 || value !== 0) expect(sum).toBe(value);
      for (const t of terms) if (t.terms) sumsExactly(t.value, t.terms);
    };
    fc.assert(
      fc.property(arbitraryModelTables, fc.nat({ max: 23 }), (tables, hour) => {
        const { model, results } = computed(tables);
        for (const phase of model.phases) {
          for (const provider of model.providers) {
            const queries = [
              {},
              ...model.dmcs.map((d) => ({ dmc: d.name })),
              ...results.series.map((s) => ({ transaction: s.name, stream: s.stream })),
            ];
            for (const q of queries) {
              const e = explainHour(model, results, { phase: phase.name, provider: provider.name, hour, ...q });
              if ("error" in e) throw new Error(e.error);
              sumsExactly(e.value, e.terms);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
