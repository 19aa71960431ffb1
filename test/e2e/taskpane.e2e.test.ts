/**
 * The task pane end to end, in headless Chromium on the stand-in Excel host: insert the
 * template into a blank workbook, validate and compute the sample, draw the charts, follow
 * an issue to its cell, explain a figure; no console errors anywhere, inputs untouched.
 * Screenshots of every step go to test-artifacts/e2e/.
 */
import type { Page } from "playwright-core";
import { RESULT_SHEETS } from "../../src/io/ports";
import { loadStandinWorkbookJson } from "../standin/load-standin-workbook";
import type { StandinSheetJson, StandinWorkbookJson } from "../standin/standin-workbook";
import { SAMPLE_XLSX } from "../support/sample-model";
import { screenshot, startHarness, type Harness } from "./browser-harness";
import { OFFICE_LIKE_FRAME } from "../standin/office-like-loads";
import { findFigureCell, inkedPixels, paneFit, standinCell, standinWorkbook, waitForSelection } from "./pane-probes";

const BLANK: StandinWorkbookJson = { version: 1, sheets: [{ name: "Sheet1", cells: {} }] };
/** Volumes!C2: the first row's Population, a number in the sample. */
const POPULATION_CELL = "'Volumes'!C2";
/** S1SP's default PeakPerSecond in the sample's PerformanceLevels (sheet Model). */
const S1SP_PEAK_PER_SECOND = "'Model'!L8";

/** The pane fits 320 px: no horizontal scrolling, every badge in view, no scroll box inside the pane. */
async function expectFits(p: Page): Promise<void> {
  const fit = await paneFit(p);
  expect(fit.width).toBe(320);
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.width);
  expect(fit.badgeRight).toBeLessThanOrEqual(fit.width);
  expect(fit.innerScrollers).toEqual([]);
  for (const offset of fit.pickerRows) expect(offset).toBeLessThan(4);
}

let harness: Harness;
let sample: StandinWorkbookJson;
let page: Page;

beforeAll(async () => {
  [harness, sample] = await Promise.all([startHarness(), loadStandinWorkbookJson(SAMPLE_XLSX)]);
});

afterAll(async () => {
  await harness?.close();
});

const inputSheets = (wb: StandinWorkbookJson): StandinSheetJson[] => wb.sheets.filter((s) => !Object.values(RESULT_SHEETS).includes(s.name));

describe("task pane on the stand-in Excel host", () => {
  it("(a) inserts the sample template into a blank workbook, then reports every table skipped", async () => {
    const blankPage = await harness.openPane(BLANK);
    // A blank workbook: one prompt towards Insert template, not seven MISSING_TABLE errors.
    await blankPage.waitForSelector("#issues [data-blank='true']");
    expect(await blankPage.$$("#issues li.issue")).toHaveLength(0);
    await screenshot(blankPage, "blank-workbook");
    await blankPage.selectOption("#template-kind", "sample");
    await blankPage.click("#insert-template");
    await blankPage.waitForSelector("#template-report .report-created li");
    const created = await blankPage.$$eval("#template-report .report-created li", (items) => items.map((i) => i.textContent));
    expect(created).toEqual(expect.arrayContaining(["Settings", "Phases", "Providers", "DMCs", "Volumes", "Transactions", "Overrides", "Profiles", "PerformanceLevels"]));
    await blankPage.waitForSelector("#issue-counts[data-errors='0']");
    const tables = (await standinWorkbook(blankPage)).sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name));
    expect(tables).toEqual(expect.arrayContaining(created as string[]));
    await screenshot(blankPage, "template-inserted");

    await blankPage.click("#insert-template");
    await blankPage.waitForSelector("#template-report .report-skipped li");
    expect(await blankPage.$$("#template-report .report-created li")).toHaveLength(0);
    expect(await blankPage.$$eval("#template-report .report-skipped li", (items) => items.map((i) => i.textContent))).toEqual(created);
    await screenshot(blankPage, "template-skipped");
    await blankPage.close();
  });

  it("(b) validates the sample workbook with no errors", async () => {
    page = await harness.openPane(sample);
    await page.click("#validate");
    await page.waitForSelector("#issue-counts[data-errors='0']");
    expect(await page.textContent("#issues")).toContain("No issues");
    await screenshot(page, "validated");
  });

  it("(c) computes: writes the result sheets, shows PASS and FAIL (S1SP fails in FOC), leaves the inputs alone", async () => {
    const before = inputSheets(await standinWorkbook(page));
    await page.click("#compute");
    await page.waitForSelector("#summary tr[data-status]");
    const statuses = await page.$$eval("#summary tr[data-status]", (rows) => rows.map((r) => `${(r as HTMLElement).dataset["phase"]} ${(r as HTMLElement).dataset["provider"]} ${(r as HTMLElement).dataset["status"]}`));
    expect(statuses).toHaveLength(12);
    expect(statuses.filter((s) => s.endsWith("FAIL"))).toEqual(["FOC S1SP FAIL"]);
    expect(statuses.filter((s) => s.endsWith("PASS"))).toHaveLength(11);
    const after = await standinWorkbook(page);
    expect(after.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(Object.values(RESULT_SHEETS)));
    expect(inputSheets(after).map((s) => ({ name: s.name, cells: s.cells, tables: s.tables }))).toEqual(before.map((s) => ({ name: s.name, cells: s.cells, tables: s.tables })));
    await expectFits(page);
    await screenshot(page, "computed");
  });

  it("(d) draws the load and utilisation charts", async () => {
    await page.waitForSelector("#charts:not([hidden])");
    expect(await page.getAttribute("#load-chart", "data-phase")).toBe("FOC");
    expect(await page.getAttribute("#load-chart", "data-provider")).toBe("S1SP");
    for (const id of ["load-chart", "utilisation-chart"]) {
      const { inked, total } = await inkedPixels(page, id);
      expect(total).toBeGreaterThan(10_000);
      expect(inked / total).toBeGreaterThan(0.02);
    }
    await page.locator("#charts").scrollIntoViewIfNeeded();
    await expectFits(page);
    await screenshot(page, "charts", false);
  });

  it("(e) shows an issue for text in a numeric input; clicking it selects that cell", async () => {
    const original = await standinCell(page, POPULATION_CELL);
    expect(typeof original?.value).toBe("number");
    await page.evaluate((cell) => window.__standin?.editCell(cell, "lots"), POPULATION_CELL);
    const issue = page.locator("#issues li.issue[data-code='NOT_A_NUMBER']");
    await issue.waitFor();
    expect(await issue.getAttribute("data-cell")).toBe(POPULATION_CELL);
    await page.waitForSelector("#stale:not([hidden])");
    await page.evaluate(() => window.__standin?.select("'Model'!A1"));
    await issue.locator("button").focus();
    await page.keyboard.press("Enter");
    await waitForSelection(page, POPULATION_CELL);
    expect((await standinWorkbook(page)).selection).toEqual({ sheet: "Volumes", address: "C2" });
    await screenshot(page, "issue-selected");

    await page.evaluate(([cell, value]) => window.__standin?.editCell(cell as string, value as number), [POPULATION_CELL, original?.value]);
    await page.waitForSelector("#issue-counts[data-errors='0']");
    await page.waitForSelector("#stale[hidden]", { state: "attached" });
  });

  it("(f) explains a selected result figure with terms that sum to it", async () => {
    const sheet = RESULT_SHEETS["provider-hourly.csv"];
    const found = findFigureCell(await standinWorkbook(page), sheet, "per_hour", { phase: "FOC", provider: "S1SP", hour: 2 });
    await page.evaluate((address) => window.__standin?.select(address), found.address);
    await page.waitForSelector("#explain[data-state='explanation']");
    const value = Number(await page.getAttribute("#explain .explain-value", "data-value"));
    expect(value).toBeCloseTo(found.value, 6);
    const terms = await page.$$eval("#explain .term[data-level='0']", (items) => items.map((i) => Number((i as HTMLElement).dataset["value"])));
    expect(terms.length).toBeGreaterThan(1);
    const sum = terms.reduce((s, t) => s + t, 0);
    expect(Math.abs(sum - value)).toBeLessThanOrEqual(1e-9 * value);
    await screenshot(page, "explained", false);

    // An input of the first DMC's first load: open its terms, click its Population.
    const first = page.locator("#explain .term[data-level='0']").first();
    await first.locator(":scope > details > summary").click();
    const input = first.locator(".input[data-cell^=\"'Volumes'!\"]").first();
    const cell = await input.getAttribute("data-cell");
    await input.locator("button").click();
    await waitForSelection(page, cell ?? "");
    expect(await page.getAttribute("#explain", "data-state")).toBe("explanation");
    await screenshot(page, "explain-input-selected", false);
  });

  it("(g) explains a FAIL on the per-second check everywhere status is shown (MOC S1SP at PeakPerSecond 400)", async () => {
    await page.evaluate((cell) => window.__standin?.editCell(cell, 400), S1SP_PEAK_PER_SECOND);
    await page.waitForSelector("#stale:not([hidden])");
    await page.click("#compute");
    await page.waitForSelector('#summary tr[data-phase="MOC"][data-provider="S1SP"][data-status="FAIL"]');
    const moc = page.locator('#summary tr[data-phase="MOC"][data-provider="S1SP"][data-status]');
    expect(await moc.getAttribute("data-fails")).toBe("per_second");
    expect(await moc.locator("td.check").first().textContent()).toBe("70.7%");
    expect(await page.textContent('#summary tr.why[data-phase="MOC"][data-provider="S1SP"]')).toMatch(/^Fails per second: required [\d.,]+\/s > PeakPerSecond 400\/s \(\d+\.\d% over\)\.$/);
    // The load chart opens on the worst check (FOC S1SP, per second); MOC's per-second view draws the 400/s limit.
    expect(await page.getAttribute("#load-chart", "data-basis")).toBe("per_second");
    await page.selectOption("#chart-phase", "MOC");
    expect(await page.getAttribute("#load-chart", "data-phase")).toBe("MOC");
    expect(await page.getAttribute("#load-chart", "aria-label")).toContain("limit 400 per second");
    await expectFits(page);
    await screenshot(page, "per-second-fail");

    const status = findFigureCell(await standinWorkbook(page), RESULT_SHEETS["provider-summary.csv"], "peak_hour", { phase: "MOC", provider: "S1SP" }).address.replace(/![A-Z]+/, "!L");
    await page.evaluate((address) => window.__standin?.select(address), status);
    await page.waitForSelector("#explain .explain-value[data-status='FAIL']");
    const checks = await page.$$eval("#explain .check-item", (items) => items.map((i) => `${(i as HTMLElement).dataset["basis"]} ${(i as HTMLElement).dataset["passes"]}`));
    expect(checks).toEqual(["per_hour true", "per_second false"]);
    await page.locator("#explain").scrollIntoViewIfNeeded();
    await screenshot(page, "status-explained", false);

    // A title selected on a result sheet clears the explanation.
    await page.evaluate(() => window.__standin?.select("'sctvm Summary'!A1"));
    await page.waitForSelector("#explain[data-state='idle']");
  });

  it("(h) runs under the real Content-Security-Policy (header and meta) with office.js's injected styles, script and frame", async () => {
    expect(await page.evaluate(() => (window as unknown as { __officeLikeScript?: boolean }).__officeLikeScript)).toBe(true);
    const marker = await page.evaluate(() => {
      const el = document.getElementById("sctvm-office-like");
      return el ? { display: getComputedStyle(el).display, width: el.style.width } : undefined;
    });
    expect(marker).toEqual({ display: "none", width: "3px" });
    expect(page.frames().map((f) => f.url())).toContain(OFFICE_LIKE_FRAME);
    const meta = await page.getAttribute("meta[http-equiv='Content-Security-Policy']", "content");
    expect(meta).toContain("style-src 'self' 'unsafe-inline'");
    expect(meta).not.toContain("frame-ancestors");
    // A <meta> policy covers only what follows it: it must come before office.js.
    expect(await page.evaluate(() => {
      const policy = document.querySelector("meta[http-equiv='Content-Security-Policy']");
      const office = document.querySelector("script[src*='office.js']");
      return !!policy && !!office && (policy.compareDocumentPosition(office) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    })).toBe(true);

    // The old policy (style-src 'self') stops those styles: the check has teeth.
    const strict = await harness.context.newPage();
    const violations: string[] = [];
    strict.on("console", (m) => {
      if (m.type() === "error" && m.text().includes("Content Security Policy")) violations.push(m.text());
    });
    await strict.addInitScript(() => {
      (window as unknown as { __SCTVM_OFFICE_LIKE__: boolean }).__SCTVM_OFFICE_LIKE__ = true;
      (window as unknown as { __SCTVM_STANDIN_WORKBOOK__: unknown }).__SCTVM_STANDIN_WORKBOOK__ = { version: 1, sheets: [{ name: "Sheet1", cells: {} }] };
    });
    await strict.goto(`${harness.baseUrl}/taskpane.html?csp=strict`);
    await strict.waitForSelector("body[data-ready='true']");
    await strict.waitForTimeout(500);
    expect(violations.some((v) => v.includes("style"))).toBe(true);
    await strict.close();
  });

  it("(i) logged no console errors, page errors or failed requests", () => {
    expect(harness.problems).toEqual([]);
  });
});
