/** The registry of outputs: one record per output file, in OUTPUT_FILES order. */
import type { Issue } from "../model/issue";
import type { Results } from "../model/results";
import type { VolumeModel } from "../model/types";
import { issuesOutput } from "./issues";
import type { OutputDefinition, OutputTable } from "./output-definition";
import { OUTPUT_FILES, type OutputFile } from "./output-files";
import { providerHourly } from "./provider-hourly";
import { providerSummary } from "./provider-summary";
import { ratesByDmc } from "./rates-by-dmc";
import { ratesByTransaction } from "./rates-by-transaction";

export const OUTPUTS: { readonly [F in OutputFile]: OutputDefinition<F> } = {
  "provider-summary.csv": providerSummary,
  "provider-hourly.csv": providerHourly,
  "rates-by-dmc.csv": ratesByDmc,
  "rates-by-transaction.csv": ratesByTransaction,
  "issues.csv": issuesOutput,
};

/** Every output definition in OUTPUT_FILES order. */
export const OUTPUT_LIST: readonly OutputDefinition[] = OUTPUT_FILES.map((f) => OUTPUTS[f]);

/** A file name from outside (a sheet mark, a table) to its output, or undefined. */
export function outputOf(file: string): OutputDefinition | undefined {
  return OUTPUT_LIST.find((o) => o.file === file);
}

/**
 * The five outputs of spec section 4 as tables, rows in key order: phase order, provider
 * order, DMCs / transaction series in table order, then hour. All-zero DMC and transaction
 * series are omitted; provider-hourly keeps every phase × provider × hour.
 */
export function buildOutputTables(model: VolumeModel, results: Results, issues: readonly Issue[]): OutputTable[] {
  return OUTPUT_LIST.map((o) => o.build({ model, results, issues }));
}

export interface CsvFile {
  readonly file: OutputFile;
  readonly text: string;
}

/**
 * The five CSV files as whole text, in OUTPUT_FILES order: the bytes the CLI writes (it
 * makes the rates files as byte chunks, `csvChunks`, to never hold them whole).
 * @example formatOutputCsv(model, results, issues)[0].file // "provider-summary.csv"
 */
export function formatOutputCsv(model: VolumeModel, results: Results, issues: readonly Issue[]): CsvFile[] {
  return OUTPUT_LIST.map((o) => ({ file: o.file, text: o.csv({ model, results, issues }) }));
}
