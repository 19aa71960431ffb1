import { analyseWorkbook, dmcSeries, explainHour, explainOutputCell, explainSummary, formatExplanation, hourlyOf, summaryOf, transactionSeries, type ExplainError, type Explanation } from "..";
import { buildGrids } from "../../../test/support/model-grids";

const a = analyseWorkbook(buildGrids());
const model = a.model!;
const results = a.results!;

function ok(e: Explanation | ExplainError): Explanation {
  if ("error" in e) throw new Error(e.error);
  return e;
}

describe("explain", () => {
  it("explains a provider hour as DMC terms, each made of loads with their input cells", () => {
    const e = ok(explainHour(model, results, { phase: "IOC", provider: "DSP", hour: 1 }));
    expect(e.value).toBe(hourlyOf(results, 0, 0)[1]);
    expect(e.terms.map((t) => t.dmc)).toEqual(["S1-A", "S2-B"]);
    const read = e.terms[0]?.terms?.find((t) => t.transaction === "Read");
    expect(read?.inputs?.map((i) => i.cell)).toEqual(["'Volumes'!C2", "'Transactions'!D4", "'Settings'!B2", "'Profiles'!C3", "'Transactions'!F4"]);
    expect(read?.value).toBe(1000 * 1 * 1.1 * 0.5 * 1);
    expect(read?.arithmetic).toBe("1000 × 1 × (1 + 0.1) × 0.5 × 1 = 550");
  });

  it("names the override cell when an override supplies the rate", () => {
    const e = ok(explainHour(model, results, { phase: "ioc", provider: "dsp", hour: 0, dmc: "s2-b", transaction: "Alert" }));
    expect(e.terms).toHaveLength(1);
    expect(e.terms[0]?.inputs?.[1]).toMatchObject({ name: "rate (override)", value: 0.4, table: "Overrides", cell: "'Overrides'!C2" });
    expect(e.value).toBe(e.terms[0]?.value);
  });

  it("explains a DMC hour and a transaction hour with the figures of their CSVs", () => {
    const dmc = ok(explainHour(model, results, { phase: "MOC", provider: "S1SP", hour: 2, dmc: "S1-A" }));
    expect(dmc.value).toBe(dmcSeries(results, 1, 1, 0)[2]);
    const tx = ok(explainHour(model, results, { phase: "MOC", provider: "S1SP", hour: 2, transaction: "Read" }));
    expect(tx.value).toBe(transactionSeries(results, 1, 1, 2)[2]);
    expect(tx.terms.map((t) => t.dmc)).toEqual(["S1-A"]);
  });

  it("says what is unknown instead of throwing", () => {
    expect(explainHour(model, results, { phase: "XOC", provider: "DSP", hour: 1 })).toMatchObject({ error: expect.stringContaining("XOC") });
    expect(explainHour(model, results, { phase: "IOC", provider: "DSP", hour: 24 })).toMatchObject({ error: expect.stringContaining("0–23") });
    expect(explainHour(model, results, { phase: "IOC", provider: "DSP", hour: 1, dmc: "nope" })).toMatchObject({ error: expect.stringContaining("nope") });
  });

  it("explains summary figures from their inputs", () => {
    const s = summaryOf(results, 0, 1);
    const util = ok(explainSummary(model, results, { phase: "IOC", provider: "S1SP", field: "utilisation" }));
    expect(util.value).toBe(s.utilisation);
    expect(util.terms[0]?.inputs?.find((i) => i.name === "CapacityPerHour")?.cell).toBe("'PerformanceLevels'!C3");
    const daily = ok(explainSummary(model, results, { phase: "IOC", provider: "S1SP", field: "daily_total" }));
    expect(daily.terms).toHaveLength(24);
    expect(daily.terms.reduce((x, t) => x + t.value, 0)).toBe(s.dailyTotal);
    const req = ok(explainSummary(model, results, { phase: "IOC", provider: "S1SP", field: "required_per_hour" }));
    expect(req.terms[0]?.inputs?.find((i) => i.name === "Headroom")?.cell).toBe("'PerformanceLevels'!E3");
  });

  it("explains a selected result cell by its file, column and row", () => {
    const e = ok(explainOutputCell(model, results, "rates-by-transaction.csv", "per_hour", { phase: "IOC", provider: "DSP", transaction: "Read", stream: "Traffic", hour: 1 }));
    expect(e.value).toBe(1100 * 0.5 + 1100 * 0.5);
    const perSecond = ok(explainOutputCell(model, results, "provider-hourly.csv", "per_second", { phase: "IOC", provider: "DSP", hour: 1 }));
    expect(perSecond.value).toBe((hourlyOf(results, 0, 0)[1] as number) / 3600);
    expect(explainOutputCell(model, results, "provider-hourly.csv", "hour", { phase: "IOC", provider: "DSP", hour: 1 })).toHaveProperty("error");
    expect(explainOutputCell(model, results, "issues.csv", "message", {})).toHaveProperty("error");
  });

  it("formats an explanation as arithmetic with cell addresses", () => {
    const text = formatExplanation(ok(explainHour(model, results, { phase: "IOC", provider: "DSP", hour: 1, dmc: "S1-A" })));
    expect(text).toContain("rates-by-dmc.csv per_hour for IOC, DSP, hour 1, DMC S1-A =");
    expect(text).toContain("1000 × 1 × (1 + 0.1) × 0.5 × 1 = 550");
    expect(text).toContain("['Volumes'!C2]");
  });
});
