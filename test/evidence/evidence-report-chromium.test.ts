/**
 * The HTML evidence report opened in headless Chromium from a file: it renders (title,
 * verdict, both charts) with no console error, no page error and no request leaving it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { buildEvidenceHtml } from "../../src/evidence";
import { sampleEvidence } from "./sample-evidence";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
jest.setTimeout(60_000);

describe("the HTML evidence report in Chromium", () => {
  it("renders from a file with no console error and no request other than the file itself", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sctvm-report-"));
    const e = await sampleEvidence();
    const file = join(dir, "evidence.html");
    writeFileSync(file, buildEvidenceHtml(e));
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      await page.waitForLoadState("load");
      expect(await page.title()).toMatch(/^Evidence: FOC S1SP — (MET|NOT MET)$/);
      expect(await page.locator("svg").count()).toBe(2);
      expect(await page.locator("svg rect.planned").count()).toBe(e.steps.length);
      expect(await page.locator("svg circle.achieved").count()).toBe(e.steps.length);
      expect(await page.locator("td.PASS, td.FAIL").count()).toBe(e.checks.length);
      const box = await page.locator("svg").first().boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
