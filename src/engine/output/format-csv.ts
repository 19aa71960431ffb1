import type { OutputCell, OutputTable } from "./output-definition";

/**
 * A number in JavaScript's shortest round-trip form; -0 prints as 0.
 * @example formatNumber(0.1 + 0.2) // "0.30000000000000004"
 */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return "0";
  return String(n);
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: RFC 4180 quoting; text that a spreadsheet would run as a formula
 * (leading = + - @ tab CR) is neutralised with a leading apostrophe (OWASP).
 */
export function csvField(cell: OutputCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return formatNumber(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole table as CSV text: header row, `\n` line ends, a final newline.
 * @example formatCsv({ file: "issues.csv", columns: ["a"], rows: [[1]] }) // "a\n1\n"
 */
export function formatCsv(table: Pick<OutputTable, "columns" | "rows"> & { readonly file?: string }): string {
  const parts: string[] = [table.columns.map(csvField).join(",")];
  for (const row of table.rows) {
    let line = "";
    for (let i = 0; i < row.length; i++) line += (i ? "," : "") + csvField(row[i] as OutputCell);
    parts.push(line);
  }
  return parts.join("\n") + "\n";
}
