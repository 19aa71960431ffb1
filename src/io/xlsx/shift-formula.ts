/**
 * A shared formula's text as it reads at another cell: relative references (no `$`) move
 * by the offset from the formula's first cell; quoted text and function names stay.
 * Used only to show the user the formula of a cell saved without its value.
 * @example shiftFormula("A2*2+$B$1", 3, 0) // "A5*2+$B$1"
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 1 ? part : part.replace(REFERENCE, (whole, colAbs: string, col: string, rowAbs: string, row: string) => shiftRef(whole, colAbs, col, rowAbs, row, rows, columns))))
    .join('"');
}

const REFERENCE = /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

function shiftRef(whole: string, colAbs: string, col: string, rowAbs: string, row: string, rows: number, columns: number): string {
  let c = 0;
  for (const ch of col) c = c * 26 + (ch.charCodeAt(0) - 64);
  const newCol = colAbs ? c : c + columns;
  const newRow = rowAbs ? Number(row) : Number(row) + rows;
  if (newCol < 1 || newRow < 1) return whole;
  let letters = "";
  for (let n = newCol; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${colAbs}${letters}${rowAbs}${newRow}`;
}
