export const HELP = `sctvm — System Capacity Testing volume model (Appendix A)

Usage:
  sctvm validate <model.xlsx> [--json]
  sctvm compute  <model.xlsx> --out <dir> [--json]
  sctvm explain  <model.xlsx> --phase P --provider X --hour H [--dmc D] [--transaction T [--stream S]] [--json]
  sctvm demo     [--out <dir>]          compute the bundled sample model (npm start)

Exit codes: 0 success (every status PASS), 1 computed but some status FAIL,
            2 the model has errors, 3 usage or I/O error.
Run 'sctvm <command> --help' for a command's options.`;

const COMMANDS: Record<string, string> = {
  validate: `sctvm validate <model.xlsx> [--json]

Reads the workbook, validates every table and prints the issues as a table
(severity, code, cell, message), errors first. --json prints
{"file", "fingerprint", "errors", "warnings", "issues": [...]} instead.
Exit 0 when there are no errors (warnings allowed), 2 with errors, 3 when the file
cannot be read.`,
  compute: `sctvm compute <model.xlsx> --out <dir> [--json]

Validates and computes the model and writes provider-summary.csv, provider-hourly.csv,
rates-by-dmc.csv, rates-by-transaction.csv and issues.csv into <dir>, each written whole
(temporary file, then rename). Prints the phase × provider summary; warnings go to stderr.
With errors, writes only issues.csv (and removes result CSVs of an earlier run in <dir>)
and exits 2. Exit 0 when every status is PASS (or NO_LEVEL), 1 when any is FAIL.
--json prints the summary rows as JSON instead of a table.`,
  explain: `sctvm explain <model.xlsx> --phase P --provider X --hour H [--dmc D] [--transaction T [--stream S]] [--json]

Explains one figure back to its input cells:
  no --dmc/--transaction   provider-hourly per_hour: the sum over DMCs
  --dmc D                  rates-by-dmc per_hour: the sum over transactions for D
  --transaction T          rates-by-transaction per_hour: the sum over DMCs for T
  both                     the single load of T for D
  --stream S               with --transaction: only T's series of stream S (Migration,
                           Install or Traffic), i.e. exactly one rates-by-transaction row
Every term lists its inputs (driver, rate, Contingency, hourly share, messages on the
provider) with the cell each came from; the terms sum exactly to the figure.
--json prints {"value", "terms": [{..., "value"}], ...}.`,
  demo: `sctvm demo [--out <dir>]

Computes the bundled sample model (examples/appendix-a-sample.xlsx) into <dir>
(default out/), prints the validation summary and the phase × provider table, and says
where the files went. Exits 0 whatever the statuses: the sample is meant to show a FAIL.`,
};

const RESERVED = ["export", "compare"];

export function commandHelp(command: string): string | undefined {
  if (RESERVED.includes(command)) return `sctvm ${command}: not available in this version yet (it is planned; see README).`;
  return COMMANDS[command];
}
