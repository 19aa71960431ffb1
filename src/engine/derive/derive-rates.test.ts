import { analyseWorkbook, dmcSeries as dmcView, hourlyOf, summaryOf, type Results, type VolumeModel } from "..";
import { buildGrids, setCell, type Rows } from "../../../test/support/model-grids";

function computed(edit?: (t: Record<string, Rows>) => void): { model: VolumeModel; results: Results } {
  const a = analyseWorkbook(buildGrids(edit));
  if (!a.model || !a.results) throw new Error(a.issues.map((i) => `${i.code} ${i.cell} ${i.message}`).join("\n"));
  return { model: a.model, results: a.results };
}

const hourly = (r: Results, ph: number, p: number): number[] => Array.from(hourlyOf(r, ph, p));
const dmcSeries = (r: Results, ph: number, p: number, d: number): number[] => Array.from(dmcView(r, ph, p, d));

// Base model (test/support/model-grids.ts): Contingency 0.1, BurstFactor 1.5.
describe("deriveRates", () => {
  it("derives daily = driver × rate × (1 + Contingency) spread by the profile and routing", () => {
    const { results } = computed();
    // IOC, DSP, DMC S1-A: Migrate 100 × 2 × 1.1 = 220 over Day (0.25 at 9, 10, 11, 14).
    const s1 = dmcSeries(results, 0, 0, 0);
    const alert = 1000 * 0.2 * 1.1 * (1 / 24);
    expect(s1[9]).toBeCloseTo(55 + alert, 9);
    // Read SMETS1 1000 × 1 × 1.1 = 1100 over Night (0.5 at 1).
    expect(s1[1]).toBeCloseTo(550 + alert, 9);
    expect(s1[0]).toBeCloseTo(alert, 9);
  });

  it("uses an override rate in place of the transaction's rate for that DMC only", () => {
    const { results } = computed();
    // S2-B Alert override 0.4: 2000 × 0.4 × 1.1 / 24 on DSP at hour 0.
    expect(dmcSeries(results, 0, 0, 1)[0]).toBeCloseTo((2000 * 0.4 * 1.1) / 24, 9);
    // S1SP gets 2 messages per alert, and no SMETS2+ read.
    expect(dmcSeries(results, 0, 1, 1)[1]).toBeCloseTo((2 * 2000 * 0.4 * 1.1) / 24, 9);
  });

  it("applies an override of 0 as 'not supported'", () => {
    const { results } = computed((t) => { setCell(t.Overrides as Rows, 1, "Rate", 0); });
    expect(dmcSeries(results, 0, 0, 1)[0]).toBe(0);
  });

  it("drives Migration by MigrationsPerDay, Install by InstallsPerDay and Traffic by Population", () => {
    const base = computed().results;
    const noMig = computed((t) => { setCell(t.Volumes as Rows, 1, "MigrationsPerDay", 0); }).results;
    // IOC DSP hour 9: migration load of S1-A (55) disappears, nothing else moves.
    expect(hourly(base, 0, 0)[9]! - hourly(noMig, 0, 0)[9]!).toBeCloseTo(55, 9);
    expect(hourly(noMig, 0, 0)[1]).toBe(hourly(base, 0, 0)[1]);
  });

  it("gives a (phase, DMC) with no Volumes row zero volumes", () => {
    const { results } = computed((t) => { (t.Volumes as Rows).splice(4, 1); }); // drop MOC S2-B
    expect(dmcSeries(results, 1, 0, 1).every((v) => v === 0)).toBe(true);
  });

  it("returns zero load for a DMC with no volumes", () => {
    const { results } = computed((t) => { for (const r of (t.Volumes as Rows).slice(1)) { r[2] = 0; r[3] = 0; r[4] = 0; } });
    expect(results.providerHourly.every((v) => v === 0)).toBe(true);
    expect(results.summaries.every((s) => s.peakHour === 0 && s.peakPerHour === 0 && s.status === "PASS")).toBe(true);
  });

  it("picks the earliest hour on a tie for the peak", () => {
    const { results } = computed((t) => {
      t.Transactions = [(t.Transactions as Rows)[0]!, ["Alert", "All", "Traffic", 0.2, "Flat", 1, 2, "alerts"]];
      t.Overrides = [["DMC", "Transaction", "Rate"]];
    });
    expect(summaryOf(results, 0, 0).peakHour).toBe(0);
  });

  it("computes the checks of spec section 3 for a level with PeakPerSecond and Headroom", () => {
    const { results } = computed();
    const s = summaryOf(results, 0, 1); // IOC, S1SP: the IOC row (1000/h, 1/s, headroom 0.2)
    const h = hourly(results, 0, 1);
    const peak = Math.max(...h);
    expect(s.peakPerHour).toBe(peak);
    expect(s.peakHour).toBe(h.indexOf(peak));
    expect(s.peakPerSecond).toBe((peak / 3600) * 1.5);
    expect(s.requiredPerHour).toBe(peak * 1.2);
    expect(s.requiredPerSecond).toBe(((peak / 3600) * 1.5) * 1.2);
    expect(s.capacityPerHour).toBe(1000);
    expect(s.capacityPerSecond).toBe(1);
    expect(s.utilisation).toBe((peak * 1.2) / 1000);
    expect(s.dailyTotal).toBe(h.reduce((a, b) => a + b, 0));
    expect(s.status).toBe(peak * 1.2 <= 1000 && ((peak / 3600) * 1.5) * 1.2 <= 1 ? "PASS" : "FAIL");
  });

  it("prefers the phase's own level over the provider's blank-phase level", () => {
    const { results } = computed();
    expect(summaryOf(results, 0, 1).capacityPerHour).toBe(1000); // IOC S1SP row
    expect(summaryOf(results, 1, 1).capacityPerHour).toBe(100000); // MOC S1SP falls back
    expect(summaryOf(results, 1, 1).capacityPerSecond).toBeNull();
  });

  it("fails a provider whose required per second exceeds PeakPerSecond though the hour passes", () => {
    const { results } = computed((t) => { setCell(t.PerformanceLevels as Rows, 2, "PeakPerSecond", 0.01); });
    expect(summaryOf(results, 0, 1).status).toBe("FAIL");
    expect(summaryOf(results, 0, 1).requiredPerHour).toBeLessThanOrEqual(1000);
  });

  it("marks NO_LEVEL with headroom 0 and blank capacities where no level applies", () => {
    const { results } = computed((t) => { t.PerformanceLevels = [(t.PerformanceLevels as Rows)[0]!, (t.PerformanceLevels as Rows)[1]!]; });
    const s = summaryOf(results, 0, 1);
    expect(s).toMatchObject({ status: "NO_LEVEL", headroom: 0, capacityPerHour: null, capacityPerSecond: null, utilisation: null });
    expect(s.requiredPerHour).toBe(s.peakPerHour);
  });

  it("orders phases by StartDate, table order on a tie", () => {
    const { model } = computed((t) => { setCell(t.Phases as Rows, 1, "StartDate", 44000); setCell(t.Phases as Rows, 1, "EndDate", 44100); });
    expect(model.phases.map((p) => p.name)).toEqual(["IOC", "MOC"]);
    const swapped = computed((t) => { setCell(t.Phases as Rows, 1, "StartDate", 44050); setCell(t.Phases as Rows, 1, "EndDate", 44100); }).model;
    expect(swapped.phases.map((p) => p.name)).toEqual(["MOC", "IOC"]);
  });

  it("groups rates-by-transaction series by (Transaction, Stream) across generation rows", () => {
    const { results } = computed();
    expect(results.series.map((s) => `${s.name}/${s.stream}`)).toEqual(["Migrate/Migration", "Install/Install", "Read/Traffic", "Alert/Traffic"]);
    expect(results.series[2]?.rows).toEqual([2, 3]);
  });
});
