import { isCellError, isCellFormula, type CellValue } from "../model/grid";

const EXCEL_ERRORS = new Set([
  "#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
  "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!",
]);

/** Blank: null, undefined, or text that is empty after trimming. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * The Excel error a cell holds, or undefined. Office.js `values` reports error cells as
 * their text (`"#REF!"`), the .xlsx reader as `{ error }`; both count.
 */
export function excelErrorOf(value: CellValue | undefined): string | undefined {
  if (isCellError(value)) return value.error;
  if (typeof value === "string") {
    const t = value.trim().toUpperCase();
    if (EXCEL_ERRORS.has(t)) return t;
  }
  return undefined;
}

const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Plain decimal or scientific text, as JavaScript would read it; no thousands separators. */
export function numericTextValue(text: string): number | undefined {
  const t = text.trim();
  return NUMERIC_TEXT.test(t) ? Number(t) : undefined;
}

/** Text as a person sees it in the cell: identifiers from numbers keep their digits. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isCellFormula(value)) return `=${value.formula}`;
  return value.error;
}

/** Case-insensitive matching key for identifiers and headers. */
export function foldKey(text: string): string {
  return text.trim().toLowerCase();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z)?)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** ISO text (`2021-03-01`, optionally with a time) to an Excel serial day; undefined if not a real date. */
export function isoTextToSerial(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, hh, mm, ss] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x))) as [
    number, number, number, number, number, number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, hh, mm, ss);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return (ms - EXCEL_EPOCH_MS) / 86_400_000;
}
