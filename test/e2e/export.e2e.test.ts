/**
 * The Export panel end to end, in headless Chromium on the stand-in Excel host: compute the
 * sample, export a compressed FOC × S1SP profile, see the preview chart drawn, download a
 * file and write the CSV schedule to a new sheet; no console errors, inputs untouched.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { loadStandinWorkbookJson } from "../standin/load-standin-workbook";
import type { StandinWorkbookJson } from "../standin/standin-workbook";
import { SAMPLE_XLSX } from "../support/sample-model";
import { screenshot, startHarness, type Harness } from "./browser-harness";
import { inkedPixels, standinWorkbook } from "./pane-probes";

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

describe("export panel in the pane", () => {
  it("exports, previews, downloads and writes the schedule to a new sheet without touching inputs", async () => {
    await page.click("#compute");
    await page.waitForSelector("#export:not([hidden]) #export-build:not([disabled])");
    await page.selectOption("#export-phase", "FOC");
    await page.selectOption("#export-provider", "S1SP");
    await page.selectOption("#export-format", "all");
    await page.fill("#export-hours", "4-6");
    await page.fill("#export-seconds-per-hour", "10");
    await page.click("#export-build");
    await page.waitForSelector("#export-files li");
    const files = await page.$$eval("#export-files li", (items) => items.map((i) => (i as HTMLElement).dataset["file"]));
    expect(files).toEqual(expect.arrayContaining(["FOC_S1SP.csv", "FOC_S1SP.json", "FOC_S1SP.k6.js", "FOC_S1SP.jmx", "FOC_S1SP.locustfile.py", "FOC_S1SP.artillery.yml"]));
    const ink = await inkedPixels(page, "export-chart");
    expect(ink.inked).toBeGreaterThan(ink.total * 0.02);
    await page.locator("#export-chart").scrollIntoViewIfNeeded();
    await screenshot(page, "export-preview");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click('#export-files li[data-file="FOC_S1SP.json"] [data-action="download"]')]);
    expect(download.suggestedFilename()).toBe("FOC_S1SP.json");
    const doc = JSON.parse(readFileSync((await download.path()) ?? "", "utf8")) as { format: string; phase: string; provider: string };
    expect([doc.format, doc.phase, doc.provider]).toEqual(["sctvm-load-profile", "FOC", "S1SP"]);

    const before = await standinWorkbook(page);
    await page.click("#export-to-sheet");
    await page.waitForSelector("#export-status:text-matches('^Wrote \\\\d+ schedule rows')");
    const after = await standinWorkbook(page);
    const added = after.sheets.filter((s) => !before.sheets.some((b) => b.name === s.name));
    expect(added.map((s) => s.name)).toEqual(["sctvm Schedule FOC"]);
    expect(added[0]?.cells["A1"]?.value).toBe("phase");
    for (const sheet of before.sheets) expect(after.sheets.find((s) => s.name === sheet.name)?.cells).toEqual(sheet.cells);
    await screenshot(page, "export-sheet");
    expect(harness.problems).toEqual([]);
  });
});
