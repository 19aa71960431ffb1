import type { ExplainError, Explanation } from "../explain/explain";
import type { CellValue } from "../model/grid";
import type { Issue } from "../model/issue";
import type { Results } from "../model/results";
import type { VolumeModel } from "../model/types";
import type { OutputFile } from "./output-files";
import type { SeriesTable } from "./rates-series";

export type OutputCell = string | number | null;

export interface OutputTable {
  readonly file: OutputFile;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly OutputCell[])[];
}

/** What an output is built from: a model without errors, its results and its issues. */
export interface OutputInput {
  readonly model: VolumeModel;
  readonly results: Results;
  readonly issues: readonly Issue[];
}

/** A cell of a result table to explain: its column and its row's values by header. */
export interface OutputCellQuery {
  readonly model: VolumeModel;
  readonly results: Results;
  readonly column: string;
  readonly row: Readonly<Record<string, CellValue>>;
}

/**
 * Everything about one output, kept together: the CLI, its help, the add-in's result sheets,
 * explain and the tests take their lists from these records.
 */
export interface OutputDefinition<F extends OutputFile = OutputFile> {
  readonly file: F;
  /** Its short name for `sctvm compute --outputs` (summary, hourly, …). */
  readonly key: string;
  /** What the file holds, for help text and result-sheet titles. */
  readonly description: string;
  readonly columns: readonly string[];
  /** The add-in's result sheet and Excel table for this output. */
  readonly sheet: { readonly name: string; readonly table: string };
  /** The table as rows (result sheets, tests). */
  readonly build: (input: OutputInput) => OutputTable;
  /** The CSV text, byte-identical to `formatCsv(build(input))` (may take a faster path). */
  readonly csv: (input: OutputInput) => string;
  /**
   * The same text as `csv`, as UTF-8 bytes in chunks made as they are consumed: for the
   * outputs that grow with DMCs × transactions × hours, so a writer never holds the whole file.
   */
  readonly csvChunks?: (input: OutputInput) => Iterable<Uint8Array>;
  /**
   * For the rates files: their series as plain data (`seriesLinesBytes` prints any range of
   * them), so a writer can print a large file on more than one thread.
   */
  readonly seriesTable?: (input: OutputInput) => SeriesTable;
  /** Explains a figure of this table, or says why the cell is not a derived figure. */
  readonly explain: (query: OutputCellQuery) => Explanation | ExplainError;
}

/** The answer for a key column. */
export function notAFigure(column: string): ExplainError {
  return { error: `${column} is a key, not a derived figure` };
}
