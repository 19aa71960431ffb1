import { buildIssueTable, formatCsv, OUTPUT_FILES, OUTPUT_LIST, type Analysis, type OutputFile, type OutputInput } from "../engine";
import { writeOutputSet, type OutputFileText } from "./output-set";

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
  const files = outputFileTexts({ model: a.model, results: a.results, issues: a.issues }, chosen);
  await writeOutputSet(outDir, files, meta, OUTPUT_FILES.filter((f) => !chosen.includes(f)));
  return files.map((f) => f.file);
}

/**
 * The chosen outputs as `compute` writes them: the rates files as UTF-8 byte chunks made as
 * they are consumed, the others as whole text.
 */
export function outputFileTexts(input: OutputInput, chosen: readonly OutputFile[] = OUTPUT_FILES): OutputFileText[] {
  return OUTPUT_LIST.filter((o) => chosen.includes(o.file)).map((o) => ({ file: o.file, text: o.csvChunks ? o.csvChunks(input) : o.csv(input) }));
}
