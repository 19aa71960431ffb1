import { attribute, parseXml } from "./xml-events";

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

/**
 * Whether a number format code shows a date or time: a y, m, d, h or s outside quoted
 * text, escapes and [bracketed] sections (colours, conditions, locales).
 * @example isDateFormatCode("dd/mm/yyyy") // true
 * @example isDateFormatCode('0.0" days"') // false
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  return /[ymdhs]/i.test(bare.replace(/General/gi, ""));
}

/**
 * The cell style indices (`s` of a cell, an index into cellXfs) whose number format is a
 * date or time.
 */
export function parseDateStyles(xml: string): ReadonlySet<number> {
  const customDate = new Map<number, boolean>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    open(name, attrs) {
      if (name === "numFmt") {
        const id = Number(attribute(attrs, "numFmtId"));
        customDate.set(id, isDateFormatCode(attribute(attrs, "formatCode") ?? ""));
      } else if (name === "cellXfs") {
        inCellXfs = true;
      } else if (name === "xf" && inCellXfs) {
        xfFormats.push(Number(attribute(attrs, "numFmtId") ?? 0));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  const dates = new Set<number>();
  xfFormats.forEach((id, index) => {
    if (customDate.get(id) ?? BUILT_IN_DATE_FORMATS.has(id)) dates.add(index);
  });
  return dates;
}
