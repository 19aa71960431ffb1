/**
 * How a value becomes a cell, as when a person types it or Office.js sets `range.values`:
 * numeric text becomes a number (unless the cell is formatted as text `@`), `TRUE` a
 * boolean, `#N/A` an error, ISO dates a date serial; a leading apostrophe keeps the rest as
 * text. Formulas are not evaluated by the stand-in: writing one is an error, so a writer
 * that would leave a formula in Excel fails loudly here.
 */
import type { StandinCell, StandinValue } from "./standin-workbook";

export const EXCEL_ERRORS = ["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class FormulaNotSupported extends Error {}

/** The cell after entering `input`; undefined when it ends up with neither value nor format. */
export function enterValue(cell: StandinCell | undefined, input: unknown): StandinCell | undefined {
  const next: StandinCell = { ...cell };
  const value = coerce(input, cell?.numberFormat);
  if (value === undefined) delete next.value;
  else next.value = value.value;
  if (value?.numberFormat && (next.numberFormat === undefined || next.numberFormat === "General")) next.numberFormat = value.numberFormat;
  return Object.keys(next).length === 0 ? undefined : next;
}

/**
 * What typing `input` into a cell stores, as Excel does it for a person: a plain number
 * typed into a percent-formatted cell is read as a percentage (20 → 0.2, shown 20%).
 * Values written through the API (`range.values`) are stored as given.
 */
export function typeIntoCell(cell: StandinCell | undefined, input: unknown): StandinCell | undefined {
  if ((cell?.numberFormat ?? "").includes("%")) {
    const text = typeof input === "string" ? input.trim() : undefined;
    const n = typeof input === "number" ? input : text !== undefined && NUMBER.test(text) ? Number(text) : undefined;
    if (n !== undefined && Number.isFinite(n)) return enterValue(cell, n / 100);
  }
  return enterValue(cell, input);
}

function coerce(input: unknown, numberFormat: string | undefined): { value: StandinValue; numberFormat?: string } | undefined {
  if (input === null || input === undefined || input === "") return undefined;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new TypeError(`not a finite number: ${input}`);
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input === "object" && typeof (input as { error?: unknown }).error === "string") return { value: { error: (input as { error: string }).error } };
  if (typeof input !== "string") throw new TypeError(`cannot put a ${typeof input} in a cell`);
  if (input.startsWith("'")) return input.length > 1 ? { value: input.slice(1) } : undefined;
  if (numberFormat === "@") return { value: input };
  const t = input.trim();
  if (input.startsWith("=") || (/^[+-]/.test(t) && !NUMBER.test(t) && !PERCENT.test(t))) throw new FormulaNotSupported(`formula not supported by the stand-in: ${input}`);
  if (NUMBER.test(t)) return { value: Number(t) };
  const percent = PERCENT.exec(t);
  if (percent) return { value: Number(percent[1]) / 100, numberFormat: "0%" };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  const error = EXCEL_ERRORS.find((e) => e === t.toUpperCase());
  if (error) return { value: { error } };
  const date = ISO_DATE.exec(t);
  if (date) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    return { value: ms / 86_400_000 + 25_569, numberFormat: "yyyy-mm-dd" };
  }
  return { value: input };
}

/** What `range.values` reports for a cell: the error's text, "" for blank. */
export function apiValue(cell: StandinCell | undefined): string | number | boolean {
  const value = cell?.value;
  if (value === undefined) return "";
  return typeof value === "object" ? value.error : value;
}

/** What `range.valueTypes` reports. */
export function apiValueType(cell: StandinCell | undefined): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  const value = cell?.value;
  if (value === undefined) return "Empty";
  if (typeof value === "object") return "Error";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "String";
}

/** Roughly what the cell shows, for autofit. */
export function displayText(cell: StandinCell | undefined): string {
  const value = cell?.value;
  if (value === undefined) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "number" && cell?.numberFormat?.includes("%")) return `${(value * 100).toFixed(1)}%`;
  if (typeof value === "number" && cell?.numberFormat === "#,##0.00") return value.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return String(value);
}
