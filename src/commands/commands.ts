/**
 * The ribbon's function file (commands.html): binds the manifest's ExecuteFunction names
 * `validateModel` and `computeModel` to the headless commands.
 */
import { createOfficeWorkbook } from "../io/office";
import { completeAfter, computeCommand, validateCommand } from "./ribbon-commands";

Office.onReady(() => {
  const workbook = createOfficeWorkbook();
  Office.actions.associate("validateModel", (event: Office.AddinCommands.Event) => void completeAfter(event, () => validateCommand(workbook)));
  Office.actions.associate("computeModel", (event: Office.AddinCommands.Event) => void completeAfter(event, () => computeCommand(workbook, () => new Date())));
});
