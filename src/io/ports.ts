/**
 * What the task pane needs from a workbook host, in plain values (no Excel types).
 * The Office.js adapter (src/io/office) implements it; the pane only talks to this.
 */
import { OUTPUT_FILES, OUTPUTS, type Analysis, type CellValue, type OutputFile, type WorkbookGrids } from "../engine";

/** The add-in's own result sheets, created and replaced by it alone (names from the output registry). */
export const RESULT_SHEETS: Readonly<Record<OutputFile, string>> = Object.fromEntries(OUTPUT_FILES.map((f) => [f, OUTPUTS[f].sheet.name])) as Record<OutputFile, string>;

export interface WriteReport {
  /** Sheets written (created or replaced). */
  readonly sheets: readonly string[];
  /** Result sheets not written because a sheet of that name was not made by the add-in. */
  readonly clashes: readonly string[];
  /** The add-in's result sheets left as they were (marked stale) because the model has errors. */
  readonly kept: readonly string[];
  readonly rowsWritten: number;
}

export interface InsertReport {
  /** Tables created. */
  readonly created: readonly string[];
  /** Tables (or sheets) left alone because they already exist. */
  readonly skipped: readonly string[];
}

/** A cell selected in one of the add-in's result tables, with its row as header -> value. */
export interface SelectedResultCell {
  readonly file: OutputFile;
  readonly column: string;
  readonly row: Readonly<Record<string, CellValue>>;
  readonly address: string;
}

/** A cell of a result sheet that is not a figure: a title, a header, beside the table. */
export interface ResultSheetCell {
  readonly file: OutputFile;
  readonly address: string;
  readonly notAFigure: true;
}

/** Excel's calculation mode (`application.calculationMode`). */
export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";

export interface ModelWorkbook {
  /** Reads every model table (Excel tables, else sheets) in at most two syncs. */
  readModel(): Promise<WorkbookGrids>;
  /** Writes the result sheets (only the add-in's own), stamped with the fingerprint and `stamp`. */
  writeResults(analysis: Analysis, stamp: string): Promise<WriteReport>;
  /** Creates the spec's input tables, empty with guidance or filled with `sample`; never overwrites. */
  insertTemplate(sample: WorkbookGrids | undefined): Promise<InsertReport>;
  /** Excel's calculation mode: in Manual, formula inputs may be out of date. */
  calculationMode(): Promise<CalculationMode>;
  /** Calculates the whole workbook now (a full calculation). */
  calculate(): Promise<void>;
  /** Selects (and scrolls to) a cell given as `'Sheet'!C7`. */
  selectCell(address: string): Promise<void>;
  /** The selected cell if it is on a result sheet (a figure, or `notAFigure`); else undefined. */
  getSelectedResult(): Promise<SelectedResultCell | ResultSheetCell | undefined>;
  /**
   * Calls `listener` when a cell of an input table (not a result sheet) changes, and
   * `onResults` when a result sheet changes other than by this runtime's own writes
   * (the ribbon's Compute, a person's edit); returns an unsubscribe.
   */
  onInputChanged(listener: () => void, onResults?: () => void): Promise<() => Promise<void>>;
  /** Writes rows (header first) to a new sheet named after `baseName`; never replaces a sheet. Returns its name. */
  writeScheduleSheet?(baseName: string, rows: readonly (readonly (string | number)[])[]): Promise<string>;
  /** Calls `listener` when the selection changes anywhere in the workbook. */
  onSelectionChanged(listener: () => void): Promise<() => Promise<void>>;
}

/** The add-in's baseline snapshot kept inside the workbook (never in an input cell). */
export interface BaselineStore {
  /** Writes the snapshot text, replacing the add-in's earlier one. */
  saveBaseline(text: string): Promise<void>;
  /** The snapshot text, or undefined when the workbook holds none of the add-in's. */
  readBaseline(): Promise<string | undefined>;
}
