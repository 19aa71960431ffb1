import { join } from "node:path";
import { buildIssueTable, formatCsv, formatOutputCsv, OUTPUT_FILES, type Analysis } from "../engine";
import { removeFiles, writeFileAtomic } from "./write-files";

/**
 * Writes the outputs of an analysis into `outDir`: all five, or only issues.csv on errors
 * (removing result CSVs of an earlier run, so a folder never pairs new issues with stale
 * results). Returns the file names written.
 */
export async function writeOutputs(a: Analysis, outDir: string): Promise<string[]> {
  if (!a.model || !a.results) {
    await removeFiles(OUTPUT_FILES.filter((f) => f !== "issues.csv").map((f) => join(outDir, f)));
    await writeFileAtomic(join(outDir, "issues.csv"), formatCsv(buildIssueTable(a.issues)));
    return ["issues.csv"];
  }
  const files = formatOutputCsv(a.model, a.results, a.issues);
  await Promise.all(files.map((f) => writeFileAtomic(join(outDir, f.file), f.text)));
  return files.map((f) => f.file);
}
