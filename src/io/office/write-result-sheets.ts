import { type Analysis, type OutputFile, type OutputTable, OUTPUT_FILES } from "../../engine";
import { RESULT_SHEETS, type WriteReport } from "../ports";
import { findResultSheets, type ExistingResultSheet, type ResultSheetState } from "./find-result-sheets";
import { OWNER_PROPERTY, sameName } from "./owned-sheet";
import {
  columnNumberFormat,
  HIGHLIGHTS,
  officeValue,
  RESULT_HEADER_ROW,
  RESULT_TABLE_NAMES,
  resultOutputs,
  resultTitle,
  STALE_NOTE_CELL,
  staleNote,
} from "./result-sheet-layout";
import { ACTION_BYTES, createWriteBatcher, writeRowBlocks, type WriteBatcher } from "./write-batcher";

export interface WriteResultOptions {
  /** Largest estimated request, in bytes, before a sync (default 4 MB, under Excel's 5 MB). */
  readonly requestBudgetBytes?: number;
}

interface SheetPlan {
  readonly output: OutputTable;
  readonly name: string;
  /** The add-in's own sheet of that name, deleted and rebuilt at the same position. */
  readonly replaces?: ExistingResultSheet;
}

/**
 * Writes the result sheets: one per output (only the issues when the model has errors),
 * each a title, a meta line with fingerprint and `stamp`, and an Excel table. Only sheets
 * carrying the add-in's mark are deleted or replaced; a sheet of a result name without it
 * is left as it is and reported in `clashes`. Own result sheets for outputs not written
 * this time (the results beside a model that now has errors) are kept, with a red stale
 * note saying why, so the last good results are never lost without a word. Each sheet's
 * values go in first and become an Excel table afterwards (Microsoft's guidance for
 * writing data into tables). Events are off while writing.
 */
export async function writeResultSheets(
  context: Excel.RequestContext,
  analysis: Analysis,
  stamp: string,
  options: WriteResultOptions = {},
): Promise<WriteReport> {
  const outputs = resultOutputs(analysis);
  const state = await findResultSheets(context);
  const { plans, clashes, kept } = planSheets(outputs, state);
  const batcher = createWriteBatcher(context, options.requestBudgetBytes);

  context.runtime.enableEvents = false;
  try {
    const written = placeSheets(context, plans, state);
    batcher.add(ACTION_BYTES * plans.length);
    const freeTableNames = tableNamesFree(state, plans);
    for (const { sheet, plan } of written) layOutSheet(sheet, plan, analysis, stamp, batcher);
    for (const { sheet, plan } of written) await writeTableRows(sheet, plan.output, batcher);
    for (const old of kept) markStale(old.sheet, analysis, stamp, batcher);
    for (const { sheet, plan } of written) {
      makeTable(sheet, plan, freeTableNames, batcher);
      sheet.getRangeByIndexes(RESULT_HEADER_ROW, 0, 1 + Math.max(plan.output.rows.length, 1), plan.output.columns.length).format.autofitColumns();
      if (plan.replaces && sameName(plan.replaces.name, state.activeSheet)) sheet.activate();
    }
    context.runtime.enableEvents = state.enableEvents;
    batcher.add(ACTION_BYTES);
    await batcher.flush();
  } catch (error) {
    await restoreEvents(context, state.enableEvents);
    throw error;
  }
  return {
    sheets: plans.map((p) => p.name),
    clashes,
    kept: kept.map((k) => k.name),
    rowsWritten: plans.reduce((sum, p) => sum + p.output.rows.length, 0),
  };
}

function planSheets(
  outputs: readonly OutputTable[],
  state: ResultSheetState,
): { plans: SheetPlan[]; clashes: string[]; kept: ExistingResultSheet[] } {
  const plans: SheetPlan[] = [];
  const clashes: string[] = [];
  const kept: ExistingResultSheet[] = [];
  for (const file of OUTPUT_FILES) {
    const name = RESULT_SHEETS[file];
    const output = outputs.find((o) => o.file === file);
    const existing = state.resultNamed.find((s) => sameName(s.name, name));
    if (output && existing && existing.owner === undefined) clashes.push(existing.name);
    else if (output) plans.push({ output, name, replaces: existing });
    else if (existing?.owner !== undefined) kept.push(existing);
  }
  return { plans, clashes, kept };
}

/**
 * Adds each sheet, putting a replacement where the old one stood. The new sheet is added
 * under a temporary name before the old one goes, so the workbook never runs out of
 * visible sheets, then takes the result name.
 */
function placeSheets(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  state: ResultSheetState,
): { sheet: Excel.Worksheet; plan: SheetPlan }[] {
  const worksheets = context.workbook.worksheets;
  const taken = new Set(state.sheetNames.map((n) => n.toLowerCase()));
  const temporaryName = (): string => {
    for (let n = 1; ; n++) {
      const candidate = `sctvm tmp ${n}`;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  const ordered = [...plans].sort((a, b) => (a.replaces?.position ?? Infinity) - (b.replaces?.position ?? Infinity));
  const placed = ordered.map((plan) => {
    const { replaces } = plan;
    if (!replaces) return { sheet: worksheets.add(plan.name), plan };
    const sheet = worksheets.add(temporaryName());
    replaces.sheet.delete();
    sheet.name = plan.name;
    sheet.position = replaces.position;
    return { sheet, plan };
  });
  // Lay out in output order whatever the placing order was.
  return plans.map((plan) => placed.find((p) => p.plan === plan) as { sheet: Excel.Worksheet; plan: SheetPlan });
}

/** Table names the new tables may take: free, or held by a sheet that is being deleted. */
function tableNamesFree(state: ResultSheetState, plans: readonly SheetPlan[]): Set<OutputFile> {
  const going = plans.flatMap((p) => (p.replaces ? [p.replaces.name] : []));
  const free = new Set<OutputFile>();
  for (const file of OUTPUT_FILES) {
    const holder = state.tables.find((t) => sameName(t.name, RESULT_TABLE_NAMES[file]));
    if (!holder || going.some((name) => sameName(name, holder.sheet))) free.add(file);
  }
  return free;
}

function layOutSheet(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  analysis: Analysis,
  stamp: string,
  batcher: WriteBatcher,
): void {
  const { output } = plan;
  const width = output.columns.length;
  const bodyRows = Math.max(output.rows.length, 1);
  sheet.customProperties.add(OWNER_PROPERTY, output.file);

  const title = sheet.getRange("A1:A2");
  title.numberFormat = [["@"], ["@"]];
  title.values = resultTitle(analysis, output.file, stamp).map((line) => [line]);
  sheet.getRange("A1").format.font.bold = true;

  const header = sheet.getRangeByIndexes(RESULT_HEADER_ROW, 0, 1, width);
  header.numberFormat = [output.columns.map(() => "@")];
  header.values = [[...output.columns]];
  batcher.add(ACTION_BYTES * 6 + width * 40);
}

/** Turns the written header and rows into the result table, with its highlights and frozen header. */
function makeTable(sheet: Excel.Worksheet, plan: SheetPlan, freeTableNames: ReadonlySet<OutputFile>, batcher: WriteBatcher): void {
  const { output } = plan;
  const width = output.columns.length;
  const bodyRows = Math.max(output.rows.length, 1);
  const table = sheet.tables.add(sheet.getRangeByIndexes(RESULT_HEADER_ROW, 0, 1 + bodyRows, width), true);
  if (freeTableNames.has(output.file)) table.name = RESULT_TABLE_NAMES[output.file];

  HIGHLIGHTS.forEach((highlight) => {
    const column = output.columns.indexOf(highlight.column);
    if (column < 0) return;
    const format = sheet.getRangeByIndexes(RESULT_HEADER_ROW + 1, column, bodyRows, 1).conditionalFormats.add("CellValue");
    format.cellValue.format.fill.color = highlight.fill;
    format.cellValue.format.font.color = highlight.font;
    format.cellValue.rule = highlight.formula2 === undefined
      ? { formula1: highlight.formula1, operator: highlight.operator }
      : { formula1: highlight.formula1, formula2: highlight.formula2, operator: highlight.operator };
  });
  sheet.freezePanes.freezeRows(RESULT_HEADER_ROW + 1);
  batcher.add(ACTION_BYTES * (3 + HIGHLIGHTS.length));
}

/** Marks a kept result sheet stale: a red line above its table saying why and since when. */
function markStale(sheet: Excel.Worksheet, analysis: Analysis, stamp: string, batcher: WriteBatcher): void {
  const note = sheet.getRange(STALE_NOTE_CELL);
  note.numberFormat = [["@"]];
  note.values = [[staleNote(analysis, stamp)]];
  note.format.font.color = "#C50F1F";
  note.format.font.bold = true;
  batcher.add(ACTION_BYTES * 4);
}

async function writeTableRows(sheet: Excel.Worksheet, output: OutputTable, batcher: WriteBatcher): Promise<void> {
  const formats = output.columns.map((column, c) => columnNumberFormat(column, output.rows.map((row) => row[c] ?? null)));
  const rows = output.rows.map((row) => row.map(officeValue));
  await writeRowBlocks(batcher, sheet, { top: RESULT_HEADER_ROW + 1, left: 0, width: output.columns.length }, rows, formats);
}

async function restoreEvents(context: Excel.RequestContext, enableEvents: boolean): Promise<void> {
  try {
    context.runtime.enableEvents = enableEvents;
    await context.sync();
  } catch {
    // The write already failed; that error is the one to report.
  }
}
