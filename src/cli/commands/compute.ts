import { join, resolve } from "node:path";
import { OUTPUT_LIST, type Analysis } from "../../engine";
import { defineCommand } from "../command";
import { EXIT } from "../exit-codes";
import { analyseFile, issueLine } from "../io";
import { OUTPUTS_HELP, outputsWithout, selectOutputs } from "../select-outputs";
import { summaryText } from "../summary-text";
import { writeOutputs } from "../write-outputs";

/** 1 when any status is FAIL, else 0 (NO_LEVEL is not a failure). */
function statusExit(a: Analysis): number {
  return a.results?.summaries.some((s) => s.status === "FAIL") ? EXIT.fail : EXIT.ok;
}

export const compute = defineCommand({
  name: "compute",
  summary: "validate and compute the model; write the five CSVs of spec section 4",
  positionals: [{ usage: "<model.xlsx>", name: "workbook" }],
  options: {
    out: { type: "string", value: "<dir>", required: true, help: "the folder to write the CSV files into" },
    json: { type: "boolean", help: "print the summary rows as JSON instead of a table" },
    outputs: { type: "string", value: "<list>", help: OUTPUTS_HELP },
  },
  description: [
    "Validates and computes the model and writes the output files into <dir>, each written",
    "whole (temporary file, then rename):",
    ...OUTPUT_LIST.map((o) => `  ${o.file.padEnd(26)}${`(${o.key})`.padEnd(14)}${o.description}`),
    "Prints the phase × provider summary; warnings go to stderr. With errors, writes only",
    "issues.csv (and removes result CSVs of an earlier run in <dir>) and exits 2.",
    "--outputs takes the names in brackets: only those files are written (and the others of",
    "an earlier run in <dir> removed); summary,hourly needs far less memory on a huge model.",
    "Exit 0 when every status is PASS (or NO_LEVEL), 1 when any is FAIL.",
  ].join("\n"),
  async run({ positionals: [file = ""], values }, io) {
    const chosen = selectOutputs(values.outputs);
    // Without rates-by-dmc the per-DMC series are never held: a huge model then fits.
    const a = await analyseFile(file, io, { dmcSeries: chosen.includes("rates-by-dmc.csv"), outputsWithoutDmc: outputsWithout("rates-by-dmc.csv", values.outputs) });
    const outDir = resolve(io.cwd, values.out);
    const written = await writeOutputs(a, outDir, file, chosen);
    for (const i of a.issues) io.err(issueLine(i));
    if (a.errorCount > 0) {
      io.err(`sctvm: ${a.errorCount} error(s) in ${file}: nothing computed; issues written to ${join(outDir, "issues.csv")}`);
      return EXIT.modelErrors;
    }
    if (values.json) {
      const model = a.model;
      const summary = a.results?.summaries.map((s) => ({ ...s, phase: model?.phases[s.phase]?.name, provider: model?.providers[s.provider]?.name }));
      io.out(JSON.stringify({ fingerprint: a.fingerprint, files: written.map((f) => join(outDir, f)), summary }, null, 2));
    } else {
      io.out(summaryText(a));
      io.out(`wrote ${written.length} files to ${outDir}`);
    }
    return statusExit(a);
  },
});
