/**
 * What the ribbon's Validate and Compute buttons do, without the pane. Validate writes
 * nothing: it selects the first issue's cell (errors first) and says in a message how
 * many issues there are. Compute runs the pane's Compute and speaks only when the model
 * has errors. Any failure is shown to the user as one sentence, never only logged.
 */
import type { Analysis } from "../engine";
import type { ModelWorkbook } from "../io/ports";
import { showCell } from "../taskpane/views/issues-view";
import { friendlyError } from "../taskpane/friendly-error";
import { computeModel, validateModel } from "../taskpane/model-operations";
import type { RibbonMessenger } from "./ribbon-message";

export interface CommandOutcome {
  readonly analysis: Analysis;
  /** The cell selected to show the first issue, if any. */
  readonly selected?: string;
  /** What the user is told, if anything. */
  readonly message?: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function validateCommand(workbook: ModelWorkbook): Promise<CommandOutcome> {
  const analysis = await validateModel(workbook);
  const counts = `${plural(analysis.errorCount, "error")} and ${plural(analysis.warningCount, "warning")}`;
  if (analysis.issues.length === 0) return { analysis, message: "Validate: no issues. The model is ready to compute." };
  const first = analysis.issues.find((i) => i.cell !== "");
  if (!first) return { analysis, message: `Validate: ${counts}. Open the pane (Open pane) to see them.` };
  await workbook.selectCell(first.cell);
  return {
    analysis,
    selected: first.cell,
    message: `Validate: ${counts}. Selected the first, ${showCell(first.cell)}: ${first.code}: ${first.message} Open the pane for the full list.`,
  };
}

export async function computeCommand(workbook: ModelWorkbook, now: () => Date): Promise<CommandOutcome> {
  const { analysis, report } = await computeModel(workbook, now().toISOString());
  if (analysis.results) {
    return report.clashes.length ? { analysis, message: `Compute: not written, because sheets of these names are not the add-in's: ${report.clashes.join(", ")}.` } : { analysis };
  }
  const kept = report.kept.length ? " The result sheets of the last good Compute are kept, marked stale." : "";
  return { analysis, message: `Compute: the model has ${plural(analysis.errorCount, "error")}, so only sctvm Issues was written.${kept} Open the pane to fix them.` };
}

/**
 * Runs a command, shows its message or its failure, and always completes the ribbon event:
 * Office waits for `completed()` and shows the button as busy until it comes.
 */
export async function completeAfter(event: { completed(): void }, action: string, command: () => Promise<CommandOutcome>, messenger: RibbonMessenger): Promise<void> {
  try {
    let text: string | undefined;
    try {
      text = (await command()).message;
    } catch (error) {
      console.warn(`sctvm: ribbon ${action} failed`, error);
      text = friendlyError(action, error);
    }
    if (text) await messenger.show(text).catch((error: unknown) => console.warn(`sctvm: ${text}`, error));
  } finally {
    event.completed();
  }
}
