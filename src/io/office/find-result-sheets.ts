import { OUTPUT_FILES, type OutputFile } from "../../engine";
import { RESULT_SHEETS } from "../ports";
import { OWNER_PROPERTY, ownedOutput, sameName } from "./owned-sheet";

export interface ExistingResultSheet {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly position: number;
  /** The output named by the sheet's mark; undefined for a sheet the add-in did not make. */
  readonly owner: OutputFile | undefined;
}

export interface ResultSheetState {
  /** `runtime.enableEvents` before writing, restored afterwards. */
  readonly enableEvents: boolean;
  readonly activeSheet: string;
  /** Every sheet name in the workbook. */
  readonly sheetNames: readonly string[];
  /** Sheets that carry a result sheet's name, whoever made them. */
  readonly resultNamed: readonly ExistingResultSheet[];
  /** Existing tables: name -> the sheet that holds it. */
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
}

/**
 * What is already there: sheet and table names, and for each sheet named like a result
 * sheet whether it carries the add-in's mark. One sync, two when such sheets exist.
 */
export async function findResultSheets(context: Excel.RequestContext): Promise<ResultSheetState> {
  const sheets = context.workbook.worksheets.load("items/name, items/position");
  const tables = context.workbook.tables.load("items/name, items/worksheet/name");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  context.runtime.load("enableEvents");
  await context.sync();

  const resultNames = OUTPUT_FILES.map((file) => RESULT_SHEETS[file]);
  const candidates = sheets.items
    .filter((sheet) => resultNames.some((name) => sameName(name, sheet.name)))
    .map((sheet) => ({ sheet, mark: sheet.customProperties.getItemOrNullObject(OWNER_PROPERTY).load("value") }));
  if (candidates.length > 0) await context.sync();

  return {
    enableEvents: context.runtime.enableEvents,
    activeSheet: active.name,
    sheetNames: sheets.items.map((s) => s.name),
    resultNamed: candidates.map(({ sheet, mark }) => ({
      sheet,
      name: sheet.name,
      position: sheet.position,
      owner: mark.isNullObject ? undefined : ownedOutput(mark.value),
    })),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
  };
}
