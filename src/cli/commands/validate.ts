import { defineCommand } from "../command";
import { EXIT } from "../exit-codes";
import { analyseFile } from "../io";
import { issuesTable } from "../summary-text";

export const validate = defineCommand({
  name: "validate",
  summary: "validate the workbook and list its issues",
  positionals: [{ usage: "<model.xlsx>", name: "workbook" }],
  options: {
    json: { type: "boolean", help: 'print {"file", "fingerprint", "errors", "warnings", "issues": [...]} instead of a table' },
  },
  description: `Reads the workbook, validates every table and prints the issues as a table
(severity, code, cell, message), errors first.
Exit 0 when there are no errors (warnings allowed), 2 with errors, 3 when the file
cannot be read.`,
  async run({ positionals: [file = ""], values }, io) {
    const a = await analyseFile(file, io, { dmcSeries: false });
    if (values.json) {
      io.out(JSON.stringify({ file, fingerprint: a.fingerprint ?? null, errors: a.errorCount, warnings: a.warningCount, issues: a.issues }, null, 2));
    } else {
      if (a.issues.length) io.out(issuesTable(a.issues));
      io.out(`${a.errorCount} error(s), ${a.warningCount} warning(s)${a.fingerprint ? `; model fingerprint ${a.fingerprint}` : ""}`);
    }
    return a.errorCount > 0 ? EXIT.modelErrors : EXIT.ok;
  },
});
