/**
 * The preview server: dist/ as Office would load it, with the stand-in Excel host answering
 * office.js's path, so the pane runs in any browser without Excel. `/` shows the stand-in
 * workbook's sheets beside the pane.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import { CONTENT_TYPES, send, serveStatic } from "./serve-static";

/** Where office.js loads from in production; the pages are rewritten to load it locally. */
export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
export const OFFICE_JS_PATH = "/lib/1/hosted/office.js";

export interface PreviewOptions {
  /** The add-in build (dist/). */
  readonly distDir: string;
  /** Where `npm run build:standin` wrote standin-office.js and preview-page.js. */
  readonly standinDir: string;
  /** The preview page's stylesheet and markup directory (scripts/preview). */
  readonly pageDir: string;
  /** What /standin/workbook.json answers: the stand-in workbook as JSON text. */
  readonly workbookJson: () => Promise<string>;
}

const PAGES = new Set(["/taskpane.html", "/commands.html"]);

export function createPreviewServer(options: PreviewOptions): Server {
  const dist = serveStatic(options.distDir);
  const standin = serveStatic(options.standinDir);
  const page = serveStatic(options.pageDir);
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const answer = async (): Promise<void> => {
      if (path === "/" || path === "/index.html") return page(Object.assign(req, { url: "/preview.html" }), res);
      if (path === "/preview/preview.css") return page(Object.assign(req, { url: "/preview.css" }), res);
      if (path.startsWith("/preview/")) return standin(Object.assign(req, { url: path.slice("/preview".length) }), res);
      if (path === OFFICE_JS_PATH) return standin(Object.assign(req, { url: "/standin-office.js" }), res);
      if (path === "/lib/1/hosted/standin-office.js.map") return standin(Object.assign(req, { url: "/standin-office.js.map" }), res);
      if (path === "/standin/workbook.json") return send(res, 200, CONTENT_TYPES[".json"] as string, await options.workbookJson());
      if (PAGES.has(path)) {
        const html = await readFile(resolve(options.distDir, `.${path}`), "utf8");
        return send(res, 200, CONTENT_TYPES[".html"] as string, html.split(`${OFFICE_JS_ORIGIN}${OFFICE_JS_PATH}`).join(OFFICE_JS_PATH));
      }
      return dist(req, res);
    };
    answer().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, CONTENT_TYPES[".txt"] as string, `preview server: ${error instanceof Error ? error.message : String(error)}\n`);
      else res.end();
    });
  });
}
