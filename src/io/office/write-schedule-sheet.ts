import { createWriteBatcher, writeRowBlocks } from "./write-batcher";
import { sameName } from "./owned-sheet";

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ] and not starting or ending with '. */
function sheetNameOf(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, " ").replace(/^'+|'+$/g, "").slice(0, 31).trim() || "sctvm Schedule";
}

/**
 * Writes rows (a header row first) to a NEW worksheet named after `baseName` (with " 2",
 * " 3"… when taken); never touches an existing sheet. Events are off while writing.
 * Returns the sheet's name.
 */
export async function writeScheduleSheet(
  context: Excel.RequestContext,
  baseName: string,
  rows: readonly (readonly (string | number)[])[],
  options: { readonly requestBudgetBytes?: number } = {},
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  context.runtime.load("enableEvents");
  await context.sync();
  const taken = sheets.items.map((s) => s.name);
  const base = sheetNameOf(baseName);
  let name = base;
  for (let n = 2; taken.some((t) => sameName(t, name)); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  const events = context.runtime.enableEvents;
  context.runtime.enableEvents = false;
  try {
    const sheet = sheets.add(name);
    const width = Math.max(1, ...rows.map((r) => r.length));
    // Text columns stay text (a name such as "1.0" or "=x" is not a number or a formula).
    const formats = (rows[1] ?? rows[0] ?? []).map((v) => (typeof v === "number" ? "General" : "@"));
    await writeRowBlocks(createWriteBatcher(context, options.requestBudgetBytes), sheet, { top: 0, left: 0, width }, rows, formats);
    sheet.freezePanes.freezeRows(1);
    sheet.activate();
    await context.sync();
  } finally {
    context.runtime.enableEvents = events;
    await context.sync();
  }
  return name;
}
