import { buildIssueTable, formatCsv, OUTPUT_FILES, OUTPUT_LIST, type Analysis, type OutputFile } from "../engine";
import { writeOutputSet } from "./output-set";

export { RUN_RECORD } from "./output-set";

/**
 * Writes the outputs of an analysis into `outDir` as one set (see `writeOutputSet`): the
 * `chosen` outputs (all five by default), or only issues.csv on errors; outputs of an
 * earlier run that this run does not write are removed, so a folder never pairs new files
 * with stale ones. Outputs that grow with the model (the rates files) are written in chunks
 * as they are made. The run record `sctvm-run.json` comes last and lists only the files
 * written. Returns the file names written (the run record not included).
 */
export async function writeOutputs(a: Analysis, outDir: string, model = "", chosen: readonly OutputFile[] = OUTPUT_FILES): Promise<string[]> {
  const meta = { command: "compute", model, fingerprint: a.fingerprint ?? null };
  if (!a.model || !a.results) {
    const stale = OUTPUT_FILES.filter((f) => f !== "issues.csv");
    await writeOutputSet(outDir, [{ file: "issues.csv", text: formatCsv(buildIssueTable(a.issues)) }], meta, stale);
    return ["issues.csv"];
  }
  const input = { model: a.model, results: a.results, issues: a.issues };
  const files = OUTPUT_LIST.filter((o) => chosen.includes(o.file)).map((o) => ({ file: o.file, text: o.csvChunks ? o.csvChunks(input) : o.csv(input) }));
  await writeOutputSet(outDir, files, meta, OUTPUT_FILES.filter((f) => !chosen.includes(f)));
  return files.map((f) => f.file);
}
