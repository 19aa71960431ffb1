import { join, resolve } from "node:path";
import { analyseWorkbook } from "../../engine";
import { readWorkbookFile } from "../../io/xlsx/read-workbook-file";
import { defineCommand } from "../command";
import { EXIT } from "../exit-codes";
import { cliAnalyseOptions, cliReadOptions, issueLine, packageRoot } from "../io";
import { summaryText } from "../summary-text";
import { writeOutputs } from "../write-outputs";

export const demo = defineCommand({
  name: "demo",
  summary: "compute the bundled sample model (npm start)",
  options: {
    out: { type: "string", value: "<dir>", help: "the folder to write the CSV files into (default out/)" },
  },
  description: `Computes the bundled sample model (examples/appendix-a-sample.xlsx) into <dir>
(default out/), prints the validation summary and the phase × provider table, and says
where the files went. Exits 0 whatever the statuses: the sample is meant to show a FAIL.`,
  async run({ values }, io) {
    const sample = join(packageRoot(), "examples", "appendix-a-sample.xlsx");
    const outDir = resolve(io.cwd, values.out ?? "out");
    const started = performance.now();
    const a = analyseWorkbook(await readWorkbookFile(sample, cliReadOptions()), cliAnalyseOptions());
    const written = await writeOutputs(a, outDir);
    const ms = performance.now() - started;
    const model = a.model;
    io.out(`Sample model: ${sample}`);
    if (model) io.out(`${model.settings.modelName.value} ${model.settings.modelVersion.value} — fingerprint ${a.fingerprint}`);
    io.out(`Validation: ${a.errorCount} error(s), ${a.warningCount} warning(s)`);
    for (const i of a.issues) io.out(`  ${issueLine(i)}`);
    if (a.results) {
      io.out("");
      io.out(summaryText(a));
      const fails = a.results.summaries.filter((s) => s.status === "FAIL").length;
      io.out("");
      io.out(`${a.results.summaries.length - fails} PASS/NO_LEVEL, ${fails} FAIL (a FAIL is expected: the sample is built to show both outcomes)`);
    }
    io.out(`Wrote ${written.join(", ")} to ${outDir} in ${ms.toFixed(0)} ms`);
    return a.errorCount > 0 ? EXIT.modelErrors : EXIT.ok;
  },
});
