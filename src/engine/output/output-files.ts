/**
 * The outputs of spec section 4, in the order they are written and listed. Adding an
 * output: its name here, its file beside this one, one entry in `OUTPUTS` (outputs.ts),
 * which the compiler then demands.
 */
export const OUTPUT_FILES = [
  "provider-summary.csv",
  "provider-hourly.csv",
  "rates-by-dmc.csv",
  "rates-by-transaction.csv",
  "issues.csv",
] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];
