import { columnIndex } from "../../engine/model/a1";

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * An A1 range (or single cell) as 0-based bounds; undefined if it is not one.
 * @example decodeRange("C5:E9") // { top: 4, left: 2, bottom: 8, right: 4 }
 */
export function decodeRange(ref: string): CellRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1] ?? "");
  const bottom = m[4] === undefined ? top : Number(m[4]) - 1;
  const right = m[3] === undefined ? left : columnIndex(m[3]);
  if (top < 0 || bottom < top || right < left) return undefined;
  return { top, left, bottom, right };
}
