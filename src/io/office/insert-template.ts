import type { CellValue, WorkbookGrids } from "../../engine";
import type { InsertReport } from "../ports";
import { sameName } from "./owned-sheet";
import {
  TEMPLATE_FORMATS,
  TEMPLATE_HEADER_ROW,
  TEMPLATE_TABLES,
  templateCellValue,
  templateContent,
  type TemplateTable,
} from "./template-tables";
import { ACTION_BYTES, createWriteBatcher, writeRowBlocks, type WriteBatcher } from "./write-batcher";

/**
 * Creates the spec's input tables, one sheet per table named after it, each with its
 * guidance note in the two rows above the table: filled from `sample`, or empty with the
 * spec's headers. Never overwrites: a table whose name is already used by a table, a sheet
 * or a defined name is skipped. Events are off while writing (the caller re-reads after).
 */
export async function insertTemplateTables(
  context: Excel.RequestContext,
  sample: WorkbookGrids | undefined,
  options: { readonly requestBudgetBytes?: number } = {},
): Promise<InsertReport> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const names = context.workbook.names.load("items/name");
  context.runtime.load("enableEvents");
  await context.sync();

  const used = [...sheets.items, ...tables.items, ...names.items].map((item) => item.name);
  const toCreate = TEMPLATE_TABLES.filter((t) => !used.some((name) => sameName(name, t.name)));
  const skipped = TEMPLATE_TABLES.filter((t) => !toCreate.includes(t)).map((t) => t.name);
  if (toCreate.length === 0) return { created: [], skipped };

  const enableEvents = context.runtime.enableEvents;
  const batcher = createWriteBatcher(context, options.requestBudgetBytes);
  context.runtime.enableEvents = false;
  try {
    for (const table of toCreate) await insertTable(context, table, sample, batcher);
    context.runtime.enableEvents = enableEvents;
    await batcher.flush();
  } catch (error) {
    try {
      context.runtime.enableEvents = enableEvents;
      await context.sync();
    } catch {
      // Report the failure that stopped the insert, not this one.
    }
    throw error;
  }
  return { created: toCreate.map((t) => t.name), skipped };
}

async function insertTable(
  context: Excel.RequestContext,
  table: TemplateTable,
  sample: WorkbookGrids | undefined,
  batcher: WriteBatcher,
): Promise<void> {
  const { header, rows } = templateContent(table, sample);
  const width = header.length;
  const bodyRows = Math.max(rows.length, 1);
  const sheet = context.workbook.worksheets.add(table.name);

  const note = sheet.getRange("A1:A2");
  note.numberFormat = [["@"], ["@"]];
  note.values = [[table.purpose], [table.columnsNote]];
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRangeByIndexes(TEMPLATE_HEADER_ROW, 0, 1, width).values = [header.map((h) => templateCellValue(h))];
  const excelTable = sheet.tables.add(sheet.getRangeByIndexes(TEMPLATE_HEADER_ROW, 0, 1 + bodyRows, width), true);
  excelTable.name = table.name;
  header.forEach((column, c) => {
    const format = TEMPLATE_FORMATS[column];
    if (format) sheet.getRangeByIndexes(TEMPLATE_HEADER_ROW + 1, c, bodyRows, 1).numberFormat = Array.from({ length: bodyRows }, () => [format]);
  });
  batcher.add(ACTION_BYTES * 6 + width * 40 + bodyRows * 12);

  const values = rows.map((row: readonly CellValue[]) => row.map(templateCellValue));
  await writeRowBlocks(batcher, sheet, { top: TEMPLATE_HEADER_ROW + 1, left: 0, width }, values);
  sheet.getRangeByIndexes(TEMPLATE_HEADER_ROW, 0, 1 + bodyRows, width).format.autofitColumns();
  batcher.add(ACTION_BYTES);
}
