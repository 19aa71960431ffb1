/**
 * Baseline, compare and test evidence end to end, in headless Chromium on the stand-in
 * Excel host: save a baseline, change an input cell, see CHANGED with the moved figure and
 * what moved it (checked against the engine's own compare of the same edit), map MOC ← IOC,
 * then judge a real Locust run (the fixture's stats and history) against a schedule
 * exported from the pane: verdict per level and the planned-vs-achieved chart drawn.
 * No console error, no request leaving the machine, no input changed by the add-in.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { analyseWorkbook, compareModels, GROUP_LABELS, type AnalysedModel, type Comparison } from "../../src/engine";
import { showFigure } from "../../src/taskpane/format-figure";
import { loadStandinWorkbookJson } from "../standin/load-standin-workbook";
import { fromJSON, type StandinWorkbookJson } from "../standin/standin-workbook";
import { rig } from "../support/standin-fixtures";
import { SAMPLE_XLSX } from "../support/sample-model";
import { screenshot, startHarness, type Harness } from "./browser-harness";
import { paneFit, standinWorkbook } from "./pane-probes";

/** Volumes!C2: IOC's population of S1-ALD-ELEC-01 in the sample (650,000). */
const POPULATION_CELL = "'Volumes'!C2";
const FIXTURES = join(__dirname, "../fixtures/results");

let harness: Harness;
let sample: StandinWorkbookJson;
let page: Page;

beforeAll(async () => {
  [harness, sample] = await Promise.all([startHarness(), loadStandinWorkbookJson(SAMPLE_XLSX)]);
  page = await harness.openPane(sample);
});
afterAll(async () => {
  await harness?.close();
});

/** The engine's compare of the sample with its population cell set to `population` (the oracle). */
async function engineCompare(population: number): Promise<Comparison> {
  const analysed = async (json: StandinWorkbookJson): Promise<AnalysedModel> => {
    const a = analyseWorkbook(await rig(fromJSON(json)).workbook.readModel());
    if (!a.model || !a.results || !a.fingerprint) throw new Error("the sample has errors");
    return { model: a.model, results: a.results, fingerprint: a.fingerprint };
  };
  const edited = JSON.parse(JSON.stringify(sample)) as StandinWorkbookJson;
  const volumes = edited.sheets.find((s) => s.name === "Volumes");
  if (!volumes?.cells["C2"]) throw new Error("no Volumes!C2");
  volumes.cells["C2"].value = population;
  const c = compareModels(await analysed(sample), await analysed(edited));
  if ("error" in c) throw new Error(c.error);
  return c;
}

/** The pane fits its 320 px: nothing makes the page scroll sideways. */
async function expectFits(): Promise<void> {
  const fit = await paneFit(page);
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.width);
  expect(fit.innerScrollers).toEqual([]);
}

const texts = (selector: string): Promise<string[]> => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ""));

describe("baseline, compare and evidence in the pane", () => {
  it("saves a baseline, shows CHANGED with the moved figure and its attribution after an input edit, and maps MOC ← IOC", async () => {
    await page.click("#save-baseline");
    await page.waitForSelector(".compare-baseline:text-matches('^Baseline: ')");
    expect(await page.$$eval("select[data-phase]", (els) => els.map((e) => [(e as HTMLSelectElement).dataset["phase"], (e as HTMLSelectElement).value]))).toEqual([["IOC", "IOC"], ["MOC", "MOC"], ["FOC", "FOC"]]);
    const hidden = (await standinWorkbook(page)).sheets.find((s) => s.name === "sctvm Baseline");
    expect(hidden?.visibility).toBe("VeryHidden");

    await page.click("#compare-baseline");
    await page.waitForSelector(".compare-result .verdict.pass");

    // A person edits an input: IOC's population of S1-ALD-ELEC-01 × 10.
    await page.evaluate((cell) => window.__standin?.editCell(cell, 6_500_000), POPULATION_CELL);
    const before = await standinWorkbook(page);
    await page.click("#compare-baseline");
    await page.waitForSelector(".compare-result .verdict.fail");
    const expected = await engineCompare(6_500_000);
    const top = expected.rows[0];
    if (!top) throw new Error("no rows");
    const outside = expected.rows.reduce((n, r) => n + Number(!r.dailyTotal.withinTolerance) + Number(!r.peakPerHour.withinTolerance), 0);
    expect(await page.textContent(".compare-result .verdict")).toBe(`Changed: ${outside} figure(s) outside ±10%.`);
    // The figure that moved most comes first in the table, with both values and "no".
    const measure = top.dailyTotal.withinTolerance ? "peakPerHour" : "dailyTotal";
    const firstRow = await page.$$eval(".compare-table tr.outside td", (tds) => tds.slice(0, 7).map((td) => td.textContent));
    expect(firstRow).toEqual([top.phase, top.provider, measure === "dailyTotal" ? "daily total" : "peak per hour", showFigure(top[measure].baseline), showFigure(top[measure].model), expect.stringMatching(/^[+−]\d/), "no"]);
    const volumes = top[measure].parts.find((p) => p.group === "volumes");
    expect(volumes?.contributors[0]?.name).toBe("S1-ALD-ELEC-01");
    const attribution = await texts(".compare-attribution > li");
    expect(attribution[0]).toContain(`${top.phase} ${top.provider} ${measure === "dailyTotal" ? "daily total" : "peak per hour"} +${showFigure(top[measure].change)}`);
    expect(attribution[0]).toContain(`${GROUP_LABELS.volumes} +${showFigure(volumes?.value ?? 0)} (S1-ALD-ELEC-01 +`);
    // The add-in changed no cell: the workbook is as the person left it.
    const after = await standinWorkbook(page);
    for (const sheet of before.sheets) expect(after.sheets.find((s) => s.name === sheet.name)?.cells).toEqual(sheet.cells);
    await page.locator("#compare").scrollIntoViewIfNeeded();
    await expectFits();
    await screenshot(page, "compare-changed", false);

    // MOC ← IOC: one select; the pane compares again at once.
    await page.selectOption('select[data-phase="MOC"]', "IOC");
    await page.waitForSelector(".compare-table td:text-is('MOC (vs IOC)')");
    expect(await texts("svg text.compare-chart-label")).toEqual(expect.arrayContaining([expect.stringMatching(/^MOC←IOC /)]));
    await screenshot(page, "compare-moc-ioc", false);
    expect(harness.problems).toEqual([]);
  });

  it("judges a Locust run against a schedule exported in the pane: verdict per level and the chart drawn", async () => {
    await page.evaluate((cell) => window.__standin?.editCell(cell, 650_000), POPULATION_CELL);
    await page.click("#compute");
    await page.waitForSelector("#export:not([hidden]) #export-build:not([disabled])");
    await page.waitForSelector("#evidence:not([hidden])");
    await page.selectOption("#export-phase", "FOC");
    await page.selectOption("#export-provider", "S1SP");
    await page.selectOption("#export-format", "json");
    await page.fill("#export-hours", "4-6");
    await page.fill("#export-seconds-per-hour", "10");
    await page.click("#export-build");
    await page.waitForSelector('#export-files li[data-file="FOC_S1SP.json"]');
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('#export-files li[data-file="FOC_S1SP.json"] [data-action="download"]')]);
    const schedulePath = (await download.path()) ?? "";

    await page.selectOption("#evidence-format", "locust");
    await page.setInputFiles("#evidence-results", join(FIXTURES, "locust_stats.csv"));
    await page.setInputFiles("#evidence-history", join(FIXTURES, "locust_stats_history.csv"));
    await page.selectOption("#evidence-phase", "IOC");
    await page.selectOption("#evidence-provider", "DSP");
    // Picking the schedule sets the phase and provider it was exported for.
    await page.setInputFiles("#evidence-schedule", { name: "FOC_S1SP.json", mimeType: "application/json", buffer: readFileSync(schedulePath) });
    await page.waitForFunction(() => (document.getElementById("evidence-phase") as HTMLSelectElement).value === "FOC" && (document.getElementById("evidence-provider") as HTMLSelectElement).value === "S1SP");
    await page.click("#evidence-judge");
    await page.waitForSelector("#evidence-verdict");
    expect(await page.textContent("#evidence-verdict")).toMatch(/^(MET|NOT MET): S1SP in FOC — \d of \d requisite-level checks pass\.$/);
    const results = await texts(".evidence-checks td:last-child");
    expect(results.length).toBeGreaterThanOrEqual(2);
    for (const r of results) expect(["PASS", "FAIL"]).toContain(r);
    // Three steps (hours 4–6) planned as bars, achieved from Locust's history as points, drawn with a size.
    expect(await page.$$eval("#evidence-chart rect.planned", (els) => els.map((e) => e.getBoundingClientRect().height > 0))).toEqual([true, true, true]);
    expect(await page.$$("#evidence-chart circle.achieved")).toHaveLength(3);
    const box = await page.locator("#evidence-chart").boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    await page.locator("#evidence").scrollIntoViewIfNeeded();
    await expectFits();
    await screenshot(page, "evidence-summary", false);
    // The report to attach, downloaded from the pane.
    const [report] = await Promise.all([page.waitForEvent("download"), page.click('#evidence-files [data-file="evidence.html"]')]);
    expect(report.suggestedFilename()).toBe("evidence.html");
    const html = readFileSync((await report.path()) ?? "", "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("<h1>Test evidence: S1SP in FOC</h1>");

    // A bad results file: the CLI's one line, nothing thrown.
    await page.selectOption("#evidence-format", "k6");
    await page.setInputFiles("#evidence-results", { name: "cut.json", mimeType: "application/json", buffer: Buffer.from('{"metrics": {') });
    await page.click("#evidence-judge");
    await page.waitForSelector("#evidence-message:text-matches('^cut\\\\.json: ')");
    expect(await page.$$("#evidence-verdict")).toHaveLength(0);
    expect(harness.problems).toEqual([]);
  });
});
