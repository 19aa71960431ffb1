/**
 * How the add-in recognises its own result sheets: a worksheet-level custom property
 * (ExcelApi 1.12) `sctvm.output` whose value is the output file the sheet holds, e.g.
 * `provider-summary.csv`. It is stored in the file with the sheet, survives renames, moves
 * and reopening (worksheet ids do not survive reopening), and no person types it. A sheet
 * without it is never changed, whatever its name.
 */
import { OUTPUT_FILES, type OutputFile } from "../../engine";

export const OWNER_PROPERTY = "sctvm.output";

/** The output file a mark names, or undefined when the value is not one (not our mark). */
export function ownedOutput(markValue: unknown): OutputFile | undefined {
  return OUTPUT_FILES.find((file) => file === markValue);
}

/** Excel compares sheet (and table) names case-insensitively. */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
