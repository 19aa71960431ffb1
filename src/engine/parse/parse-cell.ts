import { exhaustive } from "../model/exhaustive";
import { isCellFormula } from "../model/grid";
import type { Sourced } from "../model/types";
import { showValue } from "../validate/issue-catalogue";
import { cellText, excelErrorOf, foldKey, isBlank, isoTextToSerial, numericTextValue } from "./cell-values";
import type { IssueSink } from "./issue-sink";
import { viewCell, type TableView, type ViewCell } from "./table-view";

/** Bounds a number must keep; each breach has its own code. */
export type NumberBound =
  | "any" // finite
  | "nonNegative" // >= 0, NEGATIVE below
  | "positive" // > 0, OUT_OF_RANGE at or below 0
  | "atLeastOne" // >= 1, OUT_OF_RANGE below
  | "share"; // in [0, 1]: NEGATIVE below 0, OUT_OF_RANGE above 1

const EXPECTED: Record<NumberBound, string> = {
  any: "a finite number",
  nonNegative: "a number ≥ 0",
  positive: "a number > 0",
  atLeastOne: "a number ≥ 1",
  share: "a share between 0 and 1",
};

/** Reports a blank required cell, an Excel error, or passes the cell on. */
function screen(view: TableView, cell: ViewCell, column: string, required: boolean, sink: IssueSink): "blank" | "error" | "value" {
  if (isCellFormula(cell.value)) {
    sink.add("FORMULA_NOT_CALCULATED", view.table, cell.address, { column, found: showValue(cell.value), expected: "a computed value" });
    return "error";
  }
  const err = excelErrorOf(cell.value);
  if (err !== undefined) {
    sink.add("FORMULA_ERROR", view.table, cell.address, { column, found: err, expected: "a value (fix the formula or its inputs)" });
    return "error";
  }
  if (isBlank(cell.value)) {
    if (required) sink.add("MISSING_VALUE", view.table, cell.address, { column, found: "a blank cell", expected: "a value" });
    return "blank";
  }
  return "value";
}

/**
 * Reads an identifier or text cell (trimmed). Undefined when blank (reported if required)
 * or an error value. An absent column yields undefined silently: MISSING_COLUMN said it.
 */
export function parseText(view: TableView, r: number, column: string, sink: IssueSink, required: boolean): Sourced<string> | undefined {
  const cell = viewCell(view, r, column);
  if (!cell.present) return undefined;
  if (screen(view, cell, column, required, sink) !== "value") return undefined;
  return { value: cellText(cell.value), cell: cell.address };
}

/** Turns one cell into a finite number, reporting text and Excel errors; no bound checks. */
export function numberFromCell(view: TableView, cell: ViewCell, column: string, required: boolean, sink: IssueSink): number | "blank" | undefined {
  const state = screen(view, cell, column, required, sink);
  if (state === "blank") return "blank";
  if (state === "error") return undefined;
  const v = cell.value;
  let n: number;
  if (typeof v === "number") {
    n = v;
  } else if (typeof v === "string") {
    const parsed = numericTextValue(v);
    if (parsed === undefined) {
      sink.add("NOT_A_NUMBER", view.table, cell.address, { column, found: showValue(v), expected: "a number" });
      return undefined;
    }
    if (Number.isFinite(parsed)) sink.add("NUMBER_AS_TEXT", view.table, cell.address, { column, found: showValue(v), expected: "a number, not text" });
    n = parsed;
  } else {
    sink.add("NOT_A_NUMBER", view.table, cell.address, { column, found: showValue(v), expected: "a number" });
    return undefined;
  }
  if (!Number.isFinite(n)) {
    sink.add("OUT_OF_RANGE", view.table, cell.address, { column, found: showValue(v), expected: "a finite number" });
    return undefined;
  }
  return n;
}

/** Checks a finite number against its bound; true when it holds. */
export function checkBound(view: TableView, address: string, column: string, n: number, bound: NumberBound, sink: IssueSink): boolean {
  const expected = EXPECTED[bound];
  const found = String(n);
  switch (bound) {
    case "any":
      return true;
    case "nonNegative":
      if (n < 0) sink.add("NEGATIVE", view.table, address, { column, found, expected });
      return n >= 0;
    case "positive":
      if (n <= 0) sink.add("OUT_OF_RANGE", view.table, address, { column, found, expected });
      return n > 0;
    case "atLeastOne":
      if (n < 1) sink.add("OUT_OF_RANGE", view.table, address, { column, found, expected });
      return n >= 1;
    case "share":
      if (n < 0) sink.add("NEGATIVE", view.table, address, { column, found, expected });
      else if (n > 1) sink.add("OUT_OF_RANGE", view.table, address, { column, found, expected, hint: n <= 100 ? "Shares are fractions: type 5% or 0.05, not 5." : undefined });
      return n >= 0 && n <= 1;
    default:
      return exhaustive(bound);
  }
}

export interface NumberOptions {
  readonly required: boolean;
  readonly bound: NumberBound;
  /** Used for a blank optional cell or an absent optional column. */
  readonly defaultValue?: number;
  /** Warn PERCENT_AS_WHOLE above 1 (fractions such as Headroom). */
  readonly fraction?: boolean;
}

/**
 * Reads a numeric cell. Returns the value with its cell, the default for a blank optional
 * cell, or undefined when the cell is bad (reported) or the column is absent and required.
 */
export function parseNumber(view: TableView, r: number, column: string, sink: IssueSink, opts: NumberOptions): Sourced<number> | undefined {
  const cell = viewCell(view, r, column);
  if (!cell.present) return opts.required || opts.defaultValue === undefined ? undefined : { value: opts.defaultValue, cell: "" };
  const n = numberFromCell(view, cell, column, opts.required, sink);
  if (n === undefined) return undefined;
  if (n === "blank") return opts.defaultValue === undefined ? undefined : { value: opts.defaultValue, cell: cell.address };
  if (!checkBound(view, cell.address, column, n, opts.bound, sink)) return undefined;
  if (opts.fraction && n > 1) {
    sink.add("PERCENT_AS_WHOLE", view.table, cell.address, { column, found: String(n), expected: "a fraction such as 0.2 for 20%" });
  }
  return { value: n, cell: cell.address };
}

/** Reads a closed-set value, matched case-insensitively; reports BAD_ENUM. */
export function parseEnum<T extends string>(view: TableView, r: number, column: string, allowed: readonly T[], sink: IssueSink): Sourced<T> | undefined {
  const text = parseText(view, r, column, sink, true);
  if (!text) return undefined;
  const hit = allowed.find((a) => foldKey(a) === foldKey(text.value));
  if (hit === undefined) {
    sink.add("BAD_ENUM", view.table, text.cell, {
      column,
      found: showValue(text.value),
      expected: `one of ${allowed.join(", ")}`,
    });
    return undefined;
  }
  return { value: hit, cell: text.cell };
}

/** Reads a date: an Excel serial number or ISO text (`2021-03-01`); reports BAD_DATE. */
export function parseDate(view: TableView, r: number, column: string, sink: IssueSink): Sourced<number> | undefined {
  const cell = viewCell(view, r, column);
  if (!cell.present) return undefined;
  if (screen(view, cell, column, true, sink) !== "value") return undefined;
  const v = cell.value;
  let serial: number | undefined;
  if (typeof v === "number") serial = v;
  else if (typeof v === "string") {
    serial = isoTextToSerial(v);
    if (serial === undefined) {
      const n = numericTextValue(v);
      if (n !== undefined) {
        sink.add("NUMBER_AS_TEXT", view.table, cell.address, { column, found: showValue(v), expected: "a date, not text" });
        serial = n;
      }
    }
  }
  if (serial === undefined || !Number.isFinite(serial) || serial < 1 || serial >= 2958466) {
    sink.add("BAD_DATE", view.table, cell.address, {
      column,
      found: showValue(v),
      expected: "a date (an Excel date or ISO text such as 2021-03-01)",
    });
    return undefined;
  }
  return { value: serial, cell: cell.address };
}
