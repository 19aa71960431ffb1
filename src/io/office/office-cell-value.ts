import type { CellValue } from "../../engine";

/**
 * One Office.js cell as the engine's `CellValue`. `range.values` gives "" for a blank,
 * serial numbers for dates and the error's text (`"#REF!"`) for an error cell;
 * `valueTypes` tells an error from text that merely looks like one.
 * @example officeCellValue("#REF!", "Error") // { error: "#REF!" }
 * @example officeCellValue("", "Empty")      // null
 */
export function officeCellValue(value: unknown, valueType?: string): CellValue {
  if (valueType === "Error") return { error: String(value) };
  if (valueType === "Empty" || value === null || value === undefined || value === "") return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/** A block of `range.values` (with `valueTypes` when loaded) as rows of `CellValue`. */
export function officeRows(values: readonly (readonly unknown[])[], valueTypes?: readonly (readonly string[])[]): CellValue[][] {
  return values.map((row, r) => row.map((value, c) => officeCellValue(value, valueTypes?.[r]?.[c])));
}
