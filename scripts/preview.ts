/**
 * `npm run preview`: serves the built pane on http://localhost:3001 with the stand-in Excel
 * host and the sample workbook, no Excel needed. Open http://localhost:3001/ for the pane
 * beside the workbook's sheets, or /taskpane.html for the pane alone.
 *   --blank       start from an empty workbook (one empty sheet) instead of the sample
 *   --port N      listen on another port
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { loadStandinWorkbookJson } from "../test/standin/load-standin-workbook";
import { createPreviewServer } from "./preview/preview-server";

const ROOT = resolve(__dirname, "..");
const SAMPLE_XLSX = resolve(ROOT, "examples/appendix-a-sample.xlsx");
const BLANK_WORKBOOK = { version: 1, sheets: [{ name: "Sheet1", cells: {} }] };

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function main(): void {
  const port = Number(option("--port") ?? 3001);
  const blank = process.argv.includes("--blank");
  const distDir = resolve(ROOT, "dist");
  const standinDir = resolve(ROOT, ".tmp/standin");
  for (const [dir, how] of [[distDir, "npm run build"], [standinDir, "npm run build:standin"]] as const) {
    if (!existsSync(dir)) {
      console.error(`preview: ${dir} is missing; run \`${how}\` first (npm run preview does both)`);
      process.exit(3);
    }
  }
  let cached: Promise<string> | undefined;
  const workbookJson = (): Promise<string> => (cached ??= blank ? Promise.resolve(JSON.stringify(BLANK_WORKBOOK)) : loadStandinWorkbookJson(SAMPLE_XLSX).then((json) => JSON.stringify(json)));
  const server = createPreviewServer({ distDir, standinDir, pageDir: resolve(__dirname, "preview"), workbookJson });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`preview: cannot listen on port ${port}: ${error.code === "EADDRINUSE" ? "it is in use (try --port 3002)" : error.message}`);
    process.exit(3);
  });
  server.listen(port, "127.0.0.1", () => {
    console.log(`sctvm preview: http://localhost:${port}/ (pane beside the ${blank ? "blank" : "sample"} workbook), http://localhost:${port}/taskpane.html (pane alone)`);
    console.log("The workbook lives in the page: reload to start again. Ctrl+C stops the server.");
  });
}

main();
