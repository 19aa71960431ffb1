/**
 * The baseline snapshot's home in the workbook: a very hidden sheet the add-in owns
 * (`sctvm Baseline`, marked with the owner property), the snapshot text in column A in
 * chunks under Excel's 32,767-character cell limit. A person cannot unhide a very hidden
 * sheet from Excel's menus, so it is not edited by accident; a sheet of that name the
 * add-in did not make is never touched.
 */
import type { BaselineStore } from "../ports";
import { excelRun, type ExcelRun } from "./excel-run";
import { attemptHost } from "./host-error";
import { OWNER_PROPERTY, sameName } from "./owned-sheet";

export const BASELINE_SHEET = "sctvm Baseline";
/** The owner-property value that marks the baseline sheet (not an output file). */
export const BASELINE_MARK = "baseline-snapshot";
const CHUNK_CHARS = 30_000;
/** Cells per request: 100 × 30,000 characters stays under Excel on the web's 5 MB cap. */
const CHUNKS_PER_SYNC = 100;

async function findBaselineSheet(context: Excel.RequestContext): Promise<{ sheet: Excel.Worksheet; ours: boolean } | undefined> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const sheet = sheets.items.find((s) => sameName(s.name, BASELINE_SHEET));
  if (!sheet) return undefined;
  const mark = sheet.customProperties.getItemOrNullObject(OWNER_PROPERTY).load("value");
  await context.sync();
  return { sheet, ours: !mark.isNullObject && mark.value === BASELINE_MARK };
}

/** Writes the snapshot text, replacing the add-in's earlier baseline sheet. */
export async function saveBaselineSheet(context: Excel.RequestContext, text: string): Promise<void> {
  const existing = await findBaselineSheet(context);
  if (existing && !existing.ours) throw new Error(`a sheet named '${BASELINE_SHEET}' that the add-in did not make is in the way; rename it to save a baseline`);
  context.runtime.enableEvents = false;
  try {
    if (existing) {
      existing.sheet.visibility = "Visible";
      existing.sheet.delete();
      await context.sync();
    }
    const sheet = context.workbook.worksheets.add(BASELINE_SHEET);
    sheet.customProperties.add(OWNER_PROPERTY, BASELINE_MARK);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += CHUNK_CHARS) chunks.push(text.slice(i, i + CHUNK_CHARS));
    for (let i = 0; i < chunks.length; i += CHUNKS_PER_SYNC) {
      const part = chunks.slice(i, i + CHUNKS_PER_SYNC);
      const range = sheet.getRangeByIndexes(i, 0, part.length, 1);
      range.numberFormat = part.map(() => ["@"]);
      range.values = part.map((c) => [c]);
      await context.sync();
    }
    sheet.visibility = "VeryHidden";
    await context.sync();
  } finally {
    context.runtime.enableEvents = true;
    await context.sync();
  }
}

/** The snapshot text, or undefined when the workbook holds no baseline of the add-in's. */
export async function readBaselineSheet(context: Excel.RequestContext): Promise<string | undefined> {
  const existing = await findBaselineSheet(context);
  if (!existing?.ours) return undefined;
  const used = existing.sheet.getUsedRangeOrNullObject(true).load("rowCount");
  await context.sync();
  if (used.isNullObject) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < used.rowCount; i += CHUNKS_PER_SYNC) {
    const range = existing.sheet.getRangeByIndexes(i, 0, Math.min(CHUNKS_PER_SYNC, used.rowCount - i), 1).load("values");
    await context.sync();
    parts.push(...range.values.map((row) => String(row[0] ?? "")));
  }
  return parts.join("");
}

/**
 * The baseline store over Office.js; host failures become one clear line with `cause`.
 * @example await createOfficeBaselineStore().saveBaseline(text)
 */
export function createOfficeBaselineStore(run: ExcelRun = excelRun): BaselineStore {
  return {
    saveBaseline: (text) => attemptHost("save the baseline", () => run((context) => saveBaselineSheet(context, text))),
    readBaseline: () => attemptHost("read the baseline", () => run(readBaselineSheet)),
  };
}
