import type { CalculationMode } from "../ports";

/**
 * Excel's calculation mode, in one sync. In Manual mode Excel does not recalculate after an
 * edit, so formula cells in the model may hold old values (ExcelApi 1.8).
 */
export async function readCalculationMode(context: Excel.RequestContext): Promise<CalculationMode> {
  const application = context.workbook.application.load("calculationMode");
  await context.sync();
  return application.calculationMode as CalculationMode;
}

/** A full calculation of every open workbook, as Ctrl+Alt+F9 (ExcelApi 1.1). */
export async function calculateWorkbook(context: Excel.RequestContext): Promise<void> {
  context.workbook.application.calculate("Full" as Excel.CalculationType);
  await context.sync();
}
