import { analyseWorkbook } from "../analyse-workbook";
import type { Rows } from "../../../test/support/model-grids";
import { tablesToGrids } from "../../../test/support/arbitrary-model";
import { handTables as tables, rerouteAlert, reshapeNight, scalePopulation, setContingency } from "../../../test/support/compare-pairs";
import { compareModels, type AnalysedModel } from "./compare-models";
import type { Comparison, CompareRow, InputGroup } from "./compare-types";

function analysed(t: Record<string, Rows>): AnalysedModel {
  const a = analyseWorkbook(tablesToGrids(t));
  if (!a.model || !a.results || !a.fingerprint) throw new Error(JSON.stringify(a.issues));
  return { model: a.model, results: a.results, fingerprint: a.fingerprint };
}

function compare(edit: (t: Record<string, Rows>) => void, phase?: { phase: string; baselinePhase: string }): Comparison {
  const changed = tables();
  edit(changed);
  const c = compareModels(analysed(tables()), analysed(changed), phase ? [phase] : []);
  if ("error" in c) throw new Error(c.error);
  return c;
}

function row(c: Comparison, provider: string, phase = "IOC"): CompareRow {
  const r = c.rows.find((x) => x.provider === provider && x.phase === phase);
  if (!r) throw new Error(`no row ${provider}`);
  return r;
}

function part(r: CompareRow, measure: "dailyTotal" | "peakPerHour", group: InputGroup): number {
  return r[measure].parts.find((p) => p.group === group)?.value ?? Number.NaN;
}

describe("compareModels on hand-derived pairs", () => {
  it("calls a 5% population rise broadly as predicted and gives it all to populations, by DMC", () => {
    const c = compare(scalePopulation(1.05));
    expect(c.verdict).toBe("BROADLY_AS_PREDICTED");
    const dsp = row(c, "DSP");
    expect(dsp.dailyTotal.baseline).toBe(8000);
    expect(dsp.dailyTotal.model).toBeCloseTo(8400, 9);
    expect(dsp.dailyTotal.relativeChange).toBeCloseTo(0.05, 12);
    expect(dsp.peakPerHour.model).toBeCloseTo(4200, 9);
    expect(part(dsp, "dailyTotal", "volumes")).toBeCloseTo(400, 9);
    for (const g of ["rates", "profiles", "routing", "settings"] as const) expect(part(dsp, "dailyTotal", g)).toBe(0);
    const contributors = dsp.dailyTotal.parts[0]!.contributors;
    expect(contributors.map((x) => [x.name, Math.round(x.value * 1e6) / 1e6])).toEqual([["B", 300], ["A", 100]]);
    expect(row(c, "S1SP").peakPerHour.change).toBeCloseTo(37.5, 9);
    expect(c.movedGroups).toEqual(["volumes"]);
  });

  it("calls a 30% population rise CHANGED, outside the band on both figures", () => {
    const c = compare(scalePopulation(1.3));
    expect(c.verdict).toBe("CHANGED");
    const dsp = row(c, "DSP");
    expect(dsp.withinTolerance).toBe(false);
    expect(dsp.dailyTotal.change).toBeCloseTo(2400, 9);
    expect(dsp.peakPerHour.change).toBeCloseTo(1200, 9);
    expect(part(dsp, "dailyTotal", "volumes")).toBeCloseTo(2400, 9);
    expect(part(dsp, "peakPerHour", "volumes")).toBeCloseTo(1200, 9);
  });

  it("gives a reshaped profile's new peak to profiles and leaves the daily total alone", () => {
    const c = compare(reshapeNight);
    const dsp = row(c, "DSP");
    expect(dsp.dailyTotal.change).toBe(0);
    expect(dsp.dailyTotal.withinTolerance).toBe(true);
    expect(dsp.peakPerHour.model).toBeCloseTo(6400, 9); // 8000 × 0.8
    expect(dsp.peakPerHour.relativeChange).toBeCloseTo(0.6, 12);
    expect(part(dsp, "peakPerHour", "profiles")).toBeCloseTo(2400, 9);
    expect(dsp.peakPerHour.parts[2]!.contributors).toEqual([{ kind: "profile", name: "Night", value: expect.closeTo(2400, 9) }]);
    expect(c.verdict).toBe("CHANGED");
    expect(c.rows[0]!.provider).toBe("DSP"); // the band-breaker first
  });

  it("moves a rerouted transaction's load from S1SP to DSP under routing", () => {
    const c = compare(rerouteAlert);
    const dsp = row(c, "DSP");
    const s1sp = row(c, "S1SP");
    expect(dsp.dailyTotal.change).toBeCloseTo(1000, 9); // +12.5%
    expect(dsp.peakPerHour.change).toBe(0); // Alert peaks at 10:00 with 750 < 4000 at 01:00
    expect(s1sp.dailyTotal.model).toBe(0);
    expect(s1sp.dailyTotal.relativeChange).toBe(-1);
    expect(part(dsp, "dailyTotal", "routing")).toBeCloseTo(1000, 9);
    expect(part(s1sp, "dailyTotal", "routing")).toBeCloseTo(-1000, 9);
    expect(s1sp.dailyTotal.parts[3]!.contributors.map((x) => x.name)).toEqual(["Alert"]);
    // S1SP (−100%) breaks the band by more than DSP (+12.5%): it comes first.
    // Both phases are compared (matched by name); phase order within each.
    expect(c.rows.map((r) => `${r.phase} ${r.provider}`)).toEqual(["IOC S1SP", "MOC S1SP", "IOC DSP", "MOC DSP"]);
  });

  it("gives a Contingency change to settings", () => {
    const c = compare(setContingency(0.2));
    const dsp = row(c, "DSP");
    expect(dsp.dailyTotal.change).toBeCloseTo(1600, 9);
    expect(part(dsp, "dailyTotal", "settings")).toBeCloseTo(1600, 9);
    expect(dsp.dailyTotal.parts[4]!.contributors).toEqual([{ kind: "setting", name: "Contingency", value: expect.closeTo(1600, 9) }]);
  });

  it("splits an interaction evenly between two groups (Shapley): +30% population and Contingency 0.2", () => {
    const c = compare((t) => {
      scalePopulation(1.3)(t);
      setContingency(0.2)(t);
    });
    const dsp = row(c, "DSP");
    // v(none)=8000, v(vol)=10400, v(set)=9600, v(both)=12480.
    // volumes = ½(2400 + 2880) = 2640; settings = ½(1600 + 2080) = 1840; sum 4480.
    expect(dsp.dailyTotal.change).toBeCloseTo(4480, 9);
    expect(part(dsp, "dailyTotal", "volumes")).toBeCloseTo(2640, 9);
    expect(part(dsp, "dailyTotal", "settings")).toBeCloseTo(1840, 9);
    // docs/compare.md: B carries three quarters of the population.
    expect(dsp.dailyTotal.parts[0]!.contributors.map((k) => [k.name, Math.round(k.value * 1e6) / 1e6])).toEqual([["B", 1980], ["A", 660]]);
  });

  it("compares the model's MOC with the baseline's IOC when mapped", () => {
    const c = compare(() => undefined, { phase: "MOC", baselinePhase: "IOC" });
    expect(c.phasePairs).toEqual([{ phase: "MOC", baselinePhase: "IOC" }]);
    expect(c.rows).toHaveLength(2);
    const dsp = row(c, "DSP", "MOC");
    expect(dsp.baselinePhase).toBe("IOC");
    expect(dsp.dailyTotal.baseline).toBe(8000);
    expect(dsp.dailyTotal.model).toBe(16000);
    expect(part(dsp, "dailyTotal", "volumes")).toBeCloseTo(8000, 9);
    expect(c.verdict).toBe("CHANGED");
  });

  it("counts an added transaction as a change of rate, and an added DMC as a change of volumes", () => {
    const c = compare((t) => {
      t.Transactions!.push(["Ping", "All", "Traffic", 0.5, "Day", 1, 0]);
      t.DMCs!.push(["C", "SMETS2+"]);
      t.Volumes!.push(["IOC", "C", 400]);
    });
    const dsp = row(c, "DSP");
    // Ping: 0.5 × (1000 + 3000 + 400) = 2200; C's Read: 400 × 2 = 800. Interaction: Ping on C = 200.
    expect(dsp.dailyTotal.change).toBeCloseTo(3000, 9);
    expect(part(dsp, "dailyTotal", "rates")).toBeCloseTo(2000 + 100, 9);
    expect(part(dsp, "dailyTotal", "volumes")).toBeCloseTo(800 + 100, 9);
  });

  it("judges at exactly the tolerance as inside the band", () => {
    const c = compare(scalePopulation(1.1));
    expect(row(c, "DSP").dailyTotal.withinTolerance).toBe(true);
    expect(c.verdict).toBe("BROADLY_AS_PREDICTED");
  });

  it("reports unknown and missing phases as errors", () => {
    const base = analysed(tables());
    expect(compareModels(base, base, [{ phase: "FOC", baselinePhase: "IOC" }])).toEqual({ error: expect.stringContaining("'FOC' is not in the model") });
    const renamed = tables();
    renamed.Phases = [["Phase", "StartDate", "EndDate"], ["X", 44000, 44100]];
    renamed.Volumes = [["Phase", "DMC", "Population"], ["X", "A", 1000]];
    expect(compareModels(base, analysed(renamed))).toEqual({ error: expect.stringContaining("no phase in common") });
  });
});
