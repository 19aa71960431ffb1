import { analyseWorkbook, explainOutputCell, statusChecks, summaryOf, type StatusExplanation } from "..";
import { indexOf, loadSampleAnalysis, withS1spDefaultPeakPerSecond } from "../../../test/taskpane/sample-analysis";

async function perSecondFail() {
  const { grids } = await loadSampleAnalysis();
  const a = analyseWorkbook(withS1spDefaultPeakPerSecond(grids, 400));
  if (!a.model || !a.results) throw new Error("model has errors");
  return { model: a.model, results: a.results };
}

const row = (phase: string, provider: string) => ({ phase, provider });

describe("statusChecks", () => {
  it("gives both checks for MOC S1SP at PeakPerSecond 400: per hour passes at 70.7%, per second fails", async () => {
    const { model, results } = await perSecondFail();
    const s = summaryOf(results, indexOf(model.phases, "MOC"), indexOf(model.providers, "S1SP"));
    expect(s?.status).toBe("FAIL");
    const checks = statusChecks(model, s);
    expect(checks.map((c) => [c.basis, c.passes])).toEqual([["per_hour", true], ["per_second", false]]);
    expect(checks[0]?.ratio).toBeCloseTo(s.utilisation ?? NaN, 12);
    expect(Math.round((checks[0]?.ratio ?? 0) * 1000) / 10).toBe(70.7);
    expect(checks[1]).toMatchObject({ limit: 400, required: s.requiredPerSecond });
    expect(checks[1]?.ratio).toBeGreaterThan(1);
    expect(checks[1]?.limitCell).toMatch(/^'Model'!/);
  });

  it("has only the per-hour check where the level has no PeakPerSecond, and none without a level", async () => {
    const { model, results } = await loadSampleAnalysis();
    const dco = summaryOf(results, 0, indexOf(model.providers, "DCO"));
    expect(statusChecks(model, dco).map((c) => c.basis)).toEqual(["per_hour"]);
    expect(statusChecks(model, { ...dco, level: null, capacityPerHour: null })).toEqual([]);
  });
});

describe("explainOutputCell on provider-summary cells that are not sums", () => {
  it("explains a status as both comparisons, the failing one marked", async () => {
    const { model, results } = await perSecondFail();
    const e = explainOutputCell(model, results, "provider-summary.csv", "status", row("MOC", "S1SP")) as StatusExplanation;
    expect(e.status).toBe("FAIL");
    expect(e.checks.map((c) => c.passes)).toEqual([true, false]);
    expect(e.value).toBe(e.checks[1]?.ratio);
    expect(e.formula).toContain("required_per_second ≤ PeakPerSecond");
  });

  it("explains capacity_per_hour and capacity_per_second as their PerformanceLevels cells", async () => {
    const { model, results } = await loadSampleAnalysis();
    const hour = explainOutputCell(model, results, "provider-summary.csv", "capacity_per_hour", row("FOC", "S1SP"));
    expect(hour).toMatchObject({ value: 1_800_000, unit: "transactions/hour", terms: [{ inputs: [{ name: "CapacityPerHour", table: "PerformanceLevels", cell: expect.stringMatching(/^'Model'!K\d+$/) }] }] });
    const second = explainOutputCell(model, results, "provider-summary.csv", "capacity_per_second", row("FOC", "S1SP"));
    expect(second).toMatchObject({ value: 750, unit: "transactions/second", terms: [{ inputs: [{ name: "PeakPerSecond", cell: expect.stringMatching(/^'Model'!L\d+$/) }] }] });
    expect(explainOutputCell(model, results, "provider-summary.csv", "capacity_per_second", row("FOC", "DCO"))).toMatchObject({ error: expect.stringContaining("no PeakPerSecond") });
  });

  it("explains peak_hour as the hour, not the peak per hour", async () => {
    const { model, results } = await loadSampleAnalysis();
    const s = summaryOf(results, indexOf(model.phases, "FOC"), indexOf(model.providers, "S1SP"));
    const e = explainOutputCell(model, results, "provider-summary.csv", "peak_hour", row("FOC", "S1SP"));
    expect(e).toMatchObject({ value: s.peakHour, unit: "hour of day", figure: "provider-summary.csv peak_hour" });
  });

  it("still explains utilisation, required and peak figures as their sums", async () => {
    const { model, results } = await loadSampleAnalysis();
    expect(explainOutputCell(model, results, "provider-summary.csv", "utilisation", row("FOC", "S1SP"))).toMatchObject({ figure: "provider-summary.csv utilisation" });
    expect(explainOutputCell(model, results, "provider-summary.csv", "phase", row("FOC", "S1SP"))).toHaveProperty("error");
  });
});
