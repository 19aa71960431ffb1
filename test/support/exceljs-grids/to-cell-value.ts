import type ExcelJS from "exceljs";
import type { CellValue } from "../../../src/engine/model/grid";

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1899-12-30 epoch to the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A host `Date` as an Excel serial number (1900 date system, UTC, as exceljs wrote it).
 * Adding whole milliseconds before the one division keeps whole days exact.
 * @example excelSerial(new Date(Date.UTC(2021, 2, 1))) // 44256
 */
export function excelSerial(date: Date): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  return (Math.round(ms) + UNIX_EPOCH_SERIAL * MS_PER_DAY) / MS_PER_DAY;
}

/**
 * One exceljs cell value as the engine's plain `CellValue`: formulas give their cached
 * result, dates give serials, rich text and hyperlinks give their plain text, blanks give
 * null. Merged cells are handled by the caller (only the cell knows it is merged).
 * @example toCellValue({ formula: "A1*2", result: 4 }) // 4
 * @example toCellValue({ error: "#REF!" })              // { error: "#REF!" }
 */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  if (value instanceof Date) return excelSerial(value);
  if (typeof value !== "object") return null;
  if ("richText" in value) return joinRichText(value.richText);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    // No cached result: a formula saved by a program that does not calculate.
    if (result === undefined) return { formula: String((value as { formula?: unknown; sharedFormula?: unknown }).formula ?? (value as { sharedFormula?: unknown }).sharedFormula) };
    return toCellValue(result);
  }
  if ("error" in value) return { error: String(value.error) };
  if ("text" in value) return toCellValue((value as { text: ExcelJS.CellValue }).text);
  return null;
}

function joinRichText(runs: readonly { text?: unknown }[] | undefined): CellValue {
  const text = (runs ?? []).map((run) => (typeof run.text === "string" ? run.text : "")).join("");
  return text === "" ? null : text;
}
