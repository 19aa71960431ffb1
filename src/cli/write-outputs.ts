import { buildIssueTable, formatCsv, formatOutputCsv, OUTPUT_FILES, type Analysis } from "../engine";
import { writeOutputSet } from "./output-set";

export { RUN_RECORD } from "./output-set";

/**
 * Writes the outputs of an analysis into `outDir` as one set (see `writeOutputSet`): all
 * five, or only issues.csv on errors (removing result CSVs of an earlier run, so a folder
 * never pairs new issues with stale results), then the run record `sctvm-run.json`.
 * Returns the file names written (the run record not included).
 */
export async function writeOutputs(a: Analysis, outDir: string, model = ""): Promise<string[]> {
  const meta = { command: "compute", model, fingerprint: a.fingerprint ?? null };
  if (!a.model || !a.results) {
    const stale = OUTPUT_FILES.filter((f) => f !== "issues.csv");
    await writeOutputSet(outDir, [{ file: "issues.csv", text: formatCsv(buildIssueTable(a.issues)) }], meta, stale);
    return ["issues.csv"];
  }
  const files = formatOutputCsv(a.model, a.results, a.issues);
  await writeOutputSet(outDir, files, meta, []);
  return files.map((f) => f.file);
}
