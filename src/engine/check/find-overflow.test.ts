import fc from "fast-check";
import { analyseWorkbook, type CellValue } from "..";
import { buildGrids, setCell, type Rows } from "../../../test/support/model-grids";

const edit = (table: string, row: number, header: string, value: CellValue) => (t: Record<string, Rows>) => setCell(t[table] as Rows, row, header, value);

function overflowIssues(...edits: ((t: Record<string, Rows>) => void)[]) {
  const a = analyseWorkbook(buildGrids((t) => edits.forEach((e) => e(t))));
  return { a, hits: a.issues.filter((i) => i.code === "OUT_OF_RANGE") };
}

describe("every derived figure is finite", () => {
  it("reports a Transactions Rate of 1e308 at the rate cell, with no results", () => {
    const { a, hits } = overflowIssues(edit("Transactions", 3, "Rate", 1e308));
    expect(hits.map((i) => i.cell)).toEqual(["'Transactions'!D4"]);
    expect(hits[0]?.message).toMatch(/Rate: value out of range \(found 1e\+308, which makes the daily volume of Read for S1-A in IOC overflow; expected a value small enough/);
    expect(a.results).toBeUndefined();
  });

  it("reports a CapacityPerHour of 1e-320 (utilisation not finite) at the capacity cell", () => {
    const { a, hits } = overflowIssues(edit("PerformanceLevels", 1, "CapacityPerHour", 1e-320));
    expect(hits.map((i) => [i.table, i.cell])).toEqual([["PerformanceLevels", "'PerformanceLevels'!C2"]]);
    expect(hits[0]?.message).toMatch(/utilisation of DSP/);
    expect(a.results).toBeUndefined();
  });

  it("reports a routing multiplier that makes hourly loads overflow at its cell", () => {
    const { hits } = overflowIssues(edit("Transactions", 1, "Rate", 1e300), edit("Transactions", 1, "S1SP", 1e300));
    expect(hits.map((i) => i.cell)).toEqual(["'Transactions'!G2"]);
  });

  it("reports a BurstFactor that makes peak_per_second overflow at the setting", () => {
    const { hits } = overflowIssues(edit("Settings", 2, "Value", 1.7e308), edit("Volumes", 1, "Population", 1e12));
    expect(hits.map((i) => i.cell)).toEqual(["'Settings'!B3"]);
  });

  it("reports a Headroom that makes the required level overflow", () => {
    const { hits } = overflowIssues(edit("PerformanceLevels", 1, "Headroom", 1.7e308));
    expect(hits.map((i) => i.table)).toContain("PerformanceLevels");
    expect(hits.every((i) => i.message.includes("which makes"))).toBe(true);
  });

  it("reports finite loads whose sum overflows at the largest input", () => {
    // Each load is finite (1e308 × 1 × 1/24-ish shares) but 24 hours or several DMCs sum past the maximum.
    const { a, hits } = overflowIssues(edit("Volumes", 1, "Population", 1.5e308), edit("Volumes", 3, "Population", 1.5e308), edit("Settings", 1, "Value", 0));
    expect(a.results).toBeUndefined();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((i) => i.message.includes("overflow"))).toBe(true);
  });

  it("property: whatever finite rate and population, the engine gives finite figures or OUT_OF_RANGE", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), (rate, population) => {
        const a = analyseWorkbook(buildGrids((t) => { setCell(t.Transactions as Rows, 3, "Rate", rate); setCell(t.Volumes as Rows, 1, "Population", population); }));
        if (a.results) {
          for (const s of a.results.summaries) for (const v of [s.dailyTotal, s.peakPerHour, s.peakPerSecond, s.requiredPerHour, s.requiredPerSecond, s.utilisation ?? 0]) expect(Number.isFinite(v)).toBe(true);
          for (const v of a.results.byDmc!) expect(Number.isFinite(v)).toBe(true);
        } else {
          expect(a.issues.some((i) => i.code === "OUT_OF_RANGE")).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
