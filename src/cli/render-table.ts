import { escapeControls } from "./escape-controls";

/** Plain-text tables for the terminal: columns padded, numbers right-aligned, control characters escaped. */
export function renderTable(rawHeader: readonly string[], rawRows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  const header = rawHeader.map(escapeControls);
  const rows = rawRows.map((r) => r.map(escapeControls));
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** One formatter per digit count: `toLocaleString` would build (and ICU load) one per call. */
const figureFormats = new Map<number, Intl.NumberFormat>();

/** A figure for people: thousands separators, up to `digits` decimals (as `toLocaleString("en-GB", …)`). */
export function showFigure(n: number | null, digits = 1): string {
  if (n === null) return "";
  let format = figureFormats.get(digits);
  if (!format) figureFormats.set(digits, (format = new Intl.NumberFormat("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  return format.format(n);
}

export function showPercent(n: number | null): string {
  return n === null ? "" : `${(n * 100).toFixed(1)}%`;
}
