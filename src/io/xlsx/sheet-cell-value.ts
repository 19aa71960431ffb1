import type { CellValue } from "../../engine/model/grid";
import { isoTextToSerial } from "../../engine/parse/cell-values";

/** Days between the 1900 and 1904 date systems' epochs: a 1904 serial + 1462 is the 1900 serial. */
export const DATE_1904_OFFSET = 1462;

/** What a sheet's cells are read against. */
export interface CellContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: ReadonlySet<number>;
  readonly date1904: boolean;
}

/** One `<c>` element as parsed: its type, style, cached value, formula and inline string. */
export interface RawCell {
  /** `t`: s, str, inlineStr, b, e, d, n (absent = n). */
  type: string | undefined;
  style: number;
  /** The text of `<v>`, undefined when the element is absent. */
  value: string | undefined;
  /** The formula text (a shared formula already placed at this cell), undefined when none. */
  formula: string | undefined;
  /** The text of `<is>` for an inline string. */
  inline: string | undefined;
}

/**
 * One cell as the engine's `CellValue`: shared and inline strings as text (empty text is
 * blank), booleans, errors as `{ error }`, ISO dates (`t="d"`) and date-styled numbers in
 * the 1904 system as 1900-system serials, a formula with no cached value as `{ formula }`.
 * @example sheetCellValue({ type: "b", style: 0, value: "1", formula: undefined, inline: undefined }, ctx) // true
 */
export function sheetCellValue(cell: RawCell, ctx: CellContext): CellValue {
  const { type, value } = cell;
  if (type === "inlineStr" && cell.inline !== undefined) return cell.inline === "" ? null : cell.inline;
  // No cached value (or an empty one where a number belongs): a formula never calculated.
  if (value === undefined || (value === "" && cell.formula !== undefined && type !== "str" && type !== "s")) {
    return cell.formula !== undefined ? { formula: cell.formula } : null;
  }
  switch (type) {
    case "s": {
      const text = ctx.sharedStrings[Number(value)];
      return text === undefined || text === "" ? null : text;
    }
    case "str":
    case "inlineStr":
      return value === "" ? null : value;
    case "b":
      return value === "1" || value.toLowerCase() === "true";
    case "e":
      return { error: value.trim() };
    case "d": {
      const serial = isoTextToSerial(value);
      return serial === undefined ? value : serial;
    }
    default: {
      if (value.trim() === "") return null;
      const n = Number(value);
      if (ctx.date1904 && ctx.dateStyles.has(cell.style) && Number.isFinite(n)) return n + DATE_1904_OFFSET;
      return n;
    }
  }
}
