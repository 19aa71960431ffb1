/**
 * Writes .tmp/generated/sample-model.json: the grids of examples/appendix-a-sample.xlsx as
 * the engine reads them. The web build copies it to dist/assets/, where the task pane's
 * "Insert template: sample model" fetches it. Runs in `prebuild`; output is deterministic.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { readWorkbookFile } from "../src/io/xlsx/read-workbook-file";

const SOURCE = resolve(__dirname, "../examples/appendix-a-sample.xlsx");
const OUTPUT = resolve(__dirname, "../.tmp/generated/sample-model.json");

async function main(): Promise<void> {
  const grids = await readWorkbookFile(SOURCE);
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, `${JSON.stringify(grids)}\n`);
  const cells = grids.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.length, 0), 0);
  console.log(`${OUTPUT}: ${grids.tables.length} tables, ${grids.sheets.length} sheets, ${cells} cells`);
}

main().catch((error: unknown) => {
  console.error(`build-sample-json: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
