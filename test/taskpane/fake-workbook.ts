/** An in-memory ModelWorkbook for the pane's tests: grids in, calls recorded. */
import type { Analysis, CellGrid, WorkbookGrids } from "../../src/engine";
import type { CalculationMode, InsertReport, ModelWorkbook, ResultSheetCell, SelectedResultCell, WriteReport } from "../../src/io/ports";
import { RESULT_SHEETS } from "../../src/io/ports";

export interface FakeWorkbook extends ModelWorkbook {
  grids: WorkbookGrids;
  selected: SelectedResultCell | ResultSheetCell | undefined;
  readonly selections: string[];
  readonly writes: { analysis: Analysis; stamp: string }[];
  clashes: string[];
  /** Excel's calculation mode as the fake reports it; `calculations` counts calculate(). */
  mode: CalculationMode;
  calculations: number;
  /** readModel() calls so far. */
  reads: number;
  /** Fires the input-changed listeners, as an edit of an input cell would. */
  editInputs(change: (grids: WorkbookGrids) => WorkbookGrids): void;
  fireSelectionChanged(): void;
  /** Fires the result-sheet listeners, as the ribbon's Compute in another runtime would. */
  fireResultsChanged(): void;
}

const TEMPLATE = ["Settings", "Phases", "Providers", "DMCs", "Volumes", "Transactions", "Overrides", "Profiles", "PerformanceLevels"];

export function createFakeWorkbook(grids: WorkbookGrids = { tables: [], sheets: [] }): FakeWorkbook {
  const inputListeners: (() => void)[] = [];
  const selectionListeners: (() => void)[] = [];
  const resultListeners: (() => void)[] = [];
  const fake: FakeWorkbook = {
    grids,
    selected: undefined,
    selections: [],
    writes: [],
    clashes: [],
    mode: "Automatic",
    calculations: 0,
    reads: 0,
    readModel: async () => {
      fake.reads += 1;
      return fake.grids;
    },
    calculationMode: async () => fake.mode,
    async calculate() {
      fake.calculations += 1;
    },
    async writeResults(analysis, stamp): Promise<WriteReport> {
      fake.writes.push({ analysis, stamp });
      const sheets = Object.values(RESULT_SHEETS).filter((s) => !fake.clashes.includes(s));
      const issuesOnly = [RESULT_SHEETS["issues.csv"]];
      // Like the adapter: with errors, result sheets of an earlier good Compute are kept (stale).
      const kept = analysis.results ? [] : fake.writes.some((w) => w.analysis.results) ? sheets.filter((s) => !issuesOnly.includes(s)) : [];
      return { sheets: analysis.results ? sheets : issuesOnly, clashes: fake.clashes, kept, rowsWritten: 1 };
    },
    async insertTemplate(sample): Promise<InsertReport> {
      const have = new Set(fake.grids.tables.map((t) => t.name));
      const created = TEMPLATE.filter((n) => !have.has(n));
      const skipped = TEMPLATE.filter((n) => have.has(n));
      const add: CellGrid[] = created.map((name) => sample?.tables.find((t) => t.name === name) ?? { name, sheet: name, top: 0, left: 0, rows: [[name]] });
      fake.grids = { tables: [...fake.grids.tables, ...add], sheets: fake.grids.sheets };
      return { created, skipped };
    },
    async selectCell(address) {
      fake.selections.push(address);
    },
    getSelectedResult: async () => fake.selected,
    async onInputChanged(listener, onResults) {
      inputListeners.push(listener);
      if (onResults) resultListeners.push(onResults);
      return async () => void inputListeners.splice(inputListeners.indexOf(listener), 1);
    },
    async onSelectionChanged(listener) {
      selectionListeners.push(listener);
      return async () => void selectionListeners.splice(selectionListeners.indexOf(listener), 1);
    },
    editInputs(change) {
      fake.grids = change(fake.grids);
      for (const l of inputListeners) l();
    },
    fireResultsChanged() {
      for (const l of resultListeners) l();
    },
    fireSelectionChanged() {
      for (const l of selectionListeners) l();
    },
  };
  return fake;
}
