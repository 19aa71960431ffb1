/**
 * A stand-in cell as Excel draws it, for the preview: number formats (General, 0, 0.000,
 * #,##0.00, 0.0%, dates, text) and the sheet's conditional formats (CellValue rules: the
 * first that matches gives the fill and font colour, as the result sheets use them).
 * Pure, so it is tested without a browser.
 */
import { parseRect, type StandinCell, type StandinConditionalFormat, type StandinSheetJson } from "../../test/standin/standin-workbook";

/** Decimal places of a format's number part: `#,##0.00` → 2, `0.0%` → 1, `0` → 0. */
function decimals(format: string): number {
  return (/\.(0+)/.exec(format)?.[1] ?? "").length;
}

/** Excel's General format: up to 11 characters, so about 10 significant digits, no noise. */
function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return value.toExponential(5).replace(/\.?0+e/, "E").replace("e", "E");
  return String(Number(value.toPrecision(10)));
}

/**
 * The text Excel shows for a cell, given its number format.
 * @example formatCell({ value: 0.7071, numberFormat: "0.0%" }) // "70.7%"
 */
export function formatCell(cell: StandinCell | undefined): string {
  const value = cell?.value;
  if (value === undefined) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const format = cell?.numberFormat ?? "General";
  if (format === "General" || format === "@") return general(value);
  if (format.includes("%")) return `${(value * 100).toFixed(decimals(format))}%`;
  if (/y/i.test(format) && /d/i.test(format)) return new Date(Date.UTC(1899, 11, 30) + Math.round(value * 86_400_000)).toISOString().slice(0, 10);
  const places = decimals(format);
  if (format.includes("#,##0")) return value.toLocaleString("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places });
  if (/^0(\.0+)?$/.test(format)) return value.toFixed(places);
  return general(value);
}

/** Whether a CellValue rule holds for a cell's value (formulas as the result sheets write them: `=1`, `="FAIL"`). */
function ruleHolds(rule: Readonly<Record<string, string>>, value: StandinCell["value"]): boolean {
  const operand = (formula: string | undefined): string | number | undefined => {
    if (formula === undefined) return undefined;
    const body = formula.replace(/^=/, "");
    const text = /^"(.*)"$/.exec(body);
    return text ? (text[1] ?? "") : Number(body);
  };
  const a = operand(rule["formula1"]);
  const b = operand(rule["formula2"]);
  if (value === undefined || typeof value === "object" || typeof value === "boolean") return false;
  switch (rule["operator"]) {
    case "EqualTo":
      return typeof a === "string" ? typeof value === "string" && value.toLowerCase() === a.toLowerCase() : value === a;
    case "GreaterThan":
      return typeof value === "number" && typeof a === "number" && value > a;
    case "LessThan":
      return typeof value === "number" && typeof a === "number" && value < a;
    case "Between":
      return typeof value === "number" && typeof a === "number" && typeof b === "number" && value >= Math.min(a, b) && value <= Math.max(a, b);
    default:
      return false;
  }
}

/** The fill and font colour the first matching conditional format gives the cell at (row, col). */
export function conditionalStyle(
  formats: readonly StandinConditionalFormat[],
  row: number,
  col: number,
  cell: StandinCell | undefined,
): { fill?: string; fontColor?: string } | undefined {
  for (const f of formats) {
    const r = parseRect(f.range);
    if (!r || row < r.top || row >= r.top + r.rows || col < r.left || col >= r.left + r.cols) continue;
    if (f.type === "CellValue" && ruleHolds(f.rule, cell?.value)) return f.format;
  }
  return undefined;
}

/**
 * The rows and columns the preview draws (the used range and a little margin, capped), and
 * how many rows and columns holding data lie beyond the cap: announced, never cut silently.
 */
export function gridSize(sheet: StandinSheetJson, maxRows: number, maxCols: number): { rows: number; cols: number; hiddenRows: number; hiddenCols: number } {
  let rows = 1;
  let cols = 1;
  for (const address of Object.keys(sheet.cells)) {
    const r = parseRect(address);
    if (r) [rows, cols] = [Math.max(rows, r.top + 1), Math.max(cols, r.left + 1)];
  }
  return { rows: Math.min(rows + 2, maxRows), cols: Math.min(cols + 1, maxCols), hiddenRows: Math.max(0, rows - maxRows), hiddenCols: Math.max(0, cols - maxCols) };
}
