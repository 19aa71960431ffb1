import { OWNER_PROPERTY } from "./owned-sheet";
import type { ExcelRun } from "./excel-run";

/**
 * Calls `listener` when a cell changes on any sheet that is not one of the add-in's result
 * sheets, and `onResults` when one of the result sheets changes. The pane's own writes run
 * with events off, but `enableEvents` belongs to one runtime: a write from another runtime
 * (the ribbon's Compute in its function file) still reaches this handler, which is how the
 * pane learns that its results were replaced. Whether a sheet is the add-in's is looked up
 * once per sheet id (ids are stable within a session) and remembered.
 * @returns an unsubscribe that removes the handler
 */
export async function watchInputChanges(run: ExcelRun, listener: () => void, onResults: () => void = () => undefined): Promise<() => Promise<void>> {
  const ownSheets = new Map<string, boolean>();
  const isOwnSheet = async (worksheetId: string): Promise<boolean> => {
    const known = ownSheets.get(worksheetId);
    if (known !== undefined) return known;
    const own = await run(async (context) => {
      const mark = context.workbook.worksheets.getItem(worksheetId).customProperties.getItemOrNullObject(OWNER_PROPERTY).load("key");
      await context.sync();
      return !mark.isNullObject;
    });
    ownSheets.set(worksheetId, own);
    return own;
  };
  const handler = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    // If the sheet cannot be looked up (just deleted, say), a change is still news.
    const own = await isOwnSheet(event.worksheetId).catch(() => false);
    if (own) onResults();
    else listener();
  };
  const registration = await run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(handler);
    await context.sync();
    return result;
  });
  return () => removeHandler(registration);
}

/** Calls `listener` whenever the selection changes anywhere in the workbook. */
export async function watchSelection(run: ExcelRun, listener: () => void): Promise<() => Promise<void>> {
  const registration = await run(async (context) => {
    const result = context.workbook.onSelectionChanged.add(async () => listener());
    await context.sync();
    return result;
  });
  return () => removeHandler(registration);
}

/**
 * A handler is removed through the context it was added in, as Office.js requires:
 * `Excel.run(result.context, ...)` when the global is there, else that context's sync.
 */
async function removeHandler(result: OfficeExtension.EventHandlerResult<unknown>): Promise<void> {
  const excel = (globalThis as { Excel?: { run?: unknown } }).Excel;
  if (typeof excel?.run === "function") {
    await (excel.run as (context: OfficeExtension.ClientRequestContext, batch: (c: OfficeExtension.ClientRequestContext) => Promise<void>) => Promise<void>)(
      result.context,
      async (context) => {
        result.remove();
        await context.sync();
      },
    );
    return;
  }
  result.remove();
  await result.context.sync();
}
