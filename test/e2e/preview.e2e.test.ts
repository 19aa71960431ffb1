/**
 * The preview (`npm run preview`) in headless Chromium: cells drawn with Excel's number
 * formats, a number typed into a percent cell stored as a percentage, and sticky headers
 * that stay above the rows they scroll over. Screenshot in test-artifacts/e2e/.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { createPreviewServer } from "../../scripts/preview/preview-server";
import { loadStandinWorkbookJson } from "../standin/load-standin-workbook";
import { SAMPLE_XLSX } from "../support/sample-model";
import { ARTIFACTS, CHROMIUM, DIST, STANDIN_BUNDLE } from "./browser-harness";

let server: Server;
let context: BrowserContext;
let page: Page;
let profile: string;
const problems: string[] = [];

beforeAll(async () => {
  const json = JSON.stringify(await loadStandinWorkbookJson(SAMPLE_XLSX));
  server = createPreviewServer({ distDir: DIST, standinDir: resolve(STANDIN_BUNDLE, ".."), pageDir: resolve(__dirname, "../../scripts/preview"), workbookJson: async () => json });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  profile = mkdtempSync(join(tmpdir(), "sctvm-preview-e2e-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1200, height: 700 },
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForSelector("#sheet-grid table td");
});

afterAll(async () => {
  await context?.close();
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(profile, { recursive: true, force: true });
});

const cellText = (address: string): Promise<string> =>
  page.evaluate((a) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    if (!m) return "";
    const col = [...(m[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = document.querySelectorAll("#sheet-grid tbody tr")[Number(m[2]) - 1];
    return row?.children[col]?.textContent ?? "";
  }, address);

describe("preview", () => {
  it("draws number formats as Excel does and stores 20 typed into a percent cell as 0.2", async () => {
    // Sheet Model: PerformanceLevels at I2, Headroom (M) formatted as a percentage.
    await page.click("#sheet-tabs button:has-text('Model')");
    expect(await cellText("M3")).toBe("20%");
    page.once("dialog", (dialog) => void dialog.accept("25"));
    await page.dblclick("#sheet-grid tbody tr:nth-child(3) td:nth-child(14)");
    await page.waitForFunction(() => document.querySelectorAll("#sheet-grid tbody tr")[2]?.children[13]?.textContent === "25%");
    const stored = await page.evaluate(async () => {
      const frame = document.getElementById("pane") as HTMLIFrameElement;
      const control = (frame.contentWindow as unknown as { __standin: { getCell(a: string): Promise<{ value?: unknown }> } }).__standin;
      return (await control.getCell("'Model'!M3"))?.value;
    });
    expect(stored).toBe(0.25);
  });

  it("keeps the column headers above the rows while scrolling", async () => {
    await page.click("#sheet-tabs button:has-text('Volumes')");
    await page.waitForSelector("#sheet-grid tbody tr:nth-child(40)");
    await page.evaluate(() => document.getElementById("sheet-grid")?.scrollBy(0, 400));
    const hits = await page.evaluate(() => {
      const head = document.querySelector("#sheet-grid thead th:nth-child(3)")?.getBoundingClientRect();
      const corner = document.querySelector("#sheet-grid thead th.row-head")?.getBoundingClientRect();
      if (!head || !corner) return [];
      const at = (x: number, y: number): string => {
        const e = document.elementFromPoint(x, y);
        return e ? `${e.tagName}${e.closest("thead") ? " in thead" : ""}` : "none";
      };
      return [at(head.x + head.width / 2, head.y + head.height / 2), at(corner.x + corner.width / 2, corner.y + corner.height / 2)];
    });
    expect(hits).toEqual(["TH in thead", "TH in thead"]);
    await page.screenshot({ path: join(ARTIFACTS, "preview-scrolled.png") });
    expect(problems).toEqual([]);
  });
});
