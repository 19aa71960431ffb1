/**
 * What the ribbon's Validate and Compute buttons do, without the pane. Validate writes
 * nothing: it selects the first issue's cell (errors first), so the ribbon lands on the
 * problem. Compute runs the pane's Compute: analyse and write the result sheets.
 */
import type { Analysis } from "../engine";
import type { ModelWorkbook } from "../io/ports";
import { computeModel, validateModel } from "../taskpane/model-operations";

export interface CommandOutcome {
  readonly analysis: Analysis;
  /** The cell selected to show the first issue, if any. */
  readonly selected?: string;
}

export async function validateCommand(workbook: ModelWorkbook): Promise<CommandOutcome> {
  const analysis = await validateModel(workbook);
  const first = analysis.issues.find((i) => i.cell !== "");
  if (!first) return { analysis };
  await workbook.selectCell(first.cell);
  return { analysis, selected: first.cell };
}

export async function computeCommand(workbook: ModelWorkbook, now: () => Date): Promise<CommandOutcome> {
  const { analysis } = await computeModel(workbook, now().toISOString());
  return { analysis };
}

/**
 * Runs a command and always completes the ribbon event, even when it fails: Office waits
 * for `completed()` and shows the button as busy until it comes.
 */
export async function completeAfter(event: { completed(): void }, command: () => Promise<unknown>): Promise<void> {
  try {
    await command();
  } catch (error) {
    // No UI to show it in: the pane's Validate and Compute give the friendly message.
    console.warn("sctvm: ribbon command failed", error);
  } finally {
    event.completed();
  }
}
