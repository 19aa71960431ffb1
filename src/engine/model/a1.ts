/** A1 addresses for issues and explanations: `'Volumes'!C7`. */

/** 0-based column index to letters: 0 -> A, 26 -> AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The sheet name quoted as Excel does in a reference, always in quotes. */
function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The A1 address with its sheet of a 0-based (row, col) on that sheet.
 * @example a1Address("Volumes", 6, 2) // "'Volumes'!C7"
 */
export function a1Address(sheet: string, row: number, col: number): string {
  return `${a1ColumnPrefix(sheet, col)}${row + 1}`;
}

/**
 * The part of an A1 address its row does not change: the quoted sheet and the column.
 * @example a1ColumnPrefix("Volumes", 2) // "'Volumes'!C"
 */
export function a1ColumnPrefix(sheet: string, col: number): string {
  return `${quoteSheet(sheet)}!${columnLetters(col)}`;
}

/** Column letters to a 0-based index, case-insensitively: A -> 0, AA -> 26. */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/**
 * A cell reference without a sheet (`C7`, `$C$7`, `c7`) as 0-based row and column;
 * undefined if it is not one.
 * @example parseCellRef("C7") // { row: 6, col: 2 }
 */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d*)$/.exec(ref.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1] ?? "") };
}

/** Parses `'Sheet'!C7` (or `Sheet!C7`) back to its parts; undefined if it is not one. */
export function parseA1Address(address: string): { sheet: string; row: number; col: number } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
  return { sheet, row: Number(m[4]) - 1, col: columnIndex(m[3] ?? "") };
}
