/**
 * The ribbon's function file (commands.html): binds the manifest's ExecuteFunction names
 * `validateModel` and `computeModel` to the headless commands, which speak to the user
 * through a small dialog (message.html): Validate's result, and any failure.
 */
import { createOfficeWorkbook } from "../io/office";
import { completeAfter, computeCommand, validateCommand } from "./ribbon-commands";
import { createDialogMessenger } from "./ribbon-message";

Office.onReady(() => {
  const workbook = createOfficeWorkbook();
  const messenger = createDialogMessenger(Office.context.ui, window.location.href);
  Office.actions.associate("validateModel", (event: Office.AddinCommands.Event) => void completeAfter(event, "Validate", () => validateCommand(workbook), messenger));
  Office.actions.associate("computeModel", (event: Office.AddinCommands.Event) => void completeAfter(event, "Compute", () => computeCommand(workbook, () => new Date()), messenger));
});
