/**
 * What the end-to-end test needs around the pane: dist/ on 127.0.0.1, headless Chromium
 * (Debian's, through playwright-core) with a fresh profile, office.js answered by the
 * stand-in host, and every console error and page error collected.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { StandinWorkbookJson } from "../standin/standin-workbook";
import { serveStatic } from "../../scripts/preview/serve-static";
import { HEADER_POLICY } from "../../src/content-security-policy";
import { OFFICE_JS_PATH } from "../../scripts/preview/preview-server";
import { OFFICE_LIKE_FRAME, OFFICE_LIKE_SCRIPT } from "../standin/office-like-loads";

const ROOT = resolve(__dirname, "../..");
export const DIST = resolve(ROOT, "dist");
export const STANDIN_BUNDLE = resolve(ROOT, ".tmp/standin/standin-office.js");
export const ARTIFACTS = resolve(ROOT, "test-artifacts/e2e");
export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** The policy the pages had before issue 10: office.js's injected styles break it. */
export const STRICT_POLICY =
  "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";
/** The narrowest width of Excel's task pane (320–350 px). */
export const PANE_VIEWPORT = { width: 320, height: 900 };

export interface Harness {
  readonly baseUrl: string;
  readonly context: BrowserContext;
  /** Console errors, page errors and failed requests seen so far, on every page. */
  readonly problems: string[];
  /** Opens the pane on a stand-in workbook. */
  openPane(workbook: StandinWorkbookJson): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  // The pages come with the real policy as a header too, as a deployment would serve them.
  const server: Server = createServer((req, res) => {
    // ?csp=strict serves the old, too strict policy (style-src 'self'), for the test that shows it fails.
    res.setHeader("Content-Security-Policy", (req.url ?? "").includes("csp=strict") ? STRICT_POLICY : HEADER_POLICY);
    void serveStatic(DIST)(req, res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), "sctvm-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: PANE_VIEWPORT,
    deviceScaleFactor: 1,
  });
  const officeJs = readFileSync(STANDIN_BUNDLE, "utf8");
  await context.route(`https://appsforoffice.microsoft.com${OFFICE_JS_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeJs }),
  );
  // What office.js does next on Excel on the web, answered locally: a host script from the
  // CDN and a frame from Office's own origin (see OFFICE_LIKE_LOADS in standin-office.ts).
  await context.route(OFFICE_LIKE_SCRIPT, (route) => route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: "window.__officeLikeScript = true;\n" }));
  await context.route(OFFICE_LIKE_FRAME, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<!doctype html><title>office</title>" }));
  // Nothing else may leave the machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])(?!appsforoffice\.microsoft\.com\/)(?!excel\.officeapps\.live\.com\/)/, (route) => route.abort());
  const problems: string[] = [];
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    baseUrl,
    context,
    problems,
    async openPane(workbook) {
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console error: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
      await page.addInitScript((json) => {
        (window as unknown as { __SCTVM_STANDIN_WORKBOOK__: unknown }).__SCTVM_STANDIN_WORKBOOK__ = json;
        (window as unknown as { __SCTVM_OFFICE_LIKE__: boolean }).__SCTVM_OFFICE_LIKE__ = true;
      }, workbook);
      await page.goto(`${baseUrl}/taskpane.html`);
      await page.waitForSelector("body[data-ready='true']");
      return page;
    },
    async close() {
      await context.close();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

let shot = 0;
/** Saves a screenshot (the whole pane, or what is in view) as test-artifacts/e2e/NN-step.png. */
export async function screenshot(page: Page, step: string, fullPage = true): Promise<string> {
  shot += 1;
  const path = join(ARTIFACTS, `${String(shot).padStart(2, "0")}-${step}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
