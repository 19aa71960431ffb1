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

function intlFigure(n: number, digits: number): string {
  let format = figureFormats.get(digits);
  if (!format) figureFormats.set(digits, (format = new Intl.NumberFormat("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  return format.format(n);
}

/**
 * A figure for people: thousands separators, up to `digits` decimals, exactly as
 * `Intl.NumberFormat("en-GB", { maximumFractionDigits: digits })` writes it, without Intl
 * for the usual figures: loading ICU's number data cost ~30 ms of every `compute`. Like
 * ICU it rounds the shortest round-trip decimal (`String(n)`), half away from zero, so
 * 0.15 shows as 0.2 (toFixed, rounding the double's exact value, gives 0.1).
 * @example showFigure(1234567.25) // "1,234,567.3"
 */
export function showFigure(n: number | null, digits = 1): string {
  if (n === null) return "";
  const shortest = String(Math.abs(n));
  if (!Number.isFinite(n) || shortest.includes("e")) return intlFigure(n, digits);
  const point = shortest.indexOf(".");
  let whole = point < 0 ? shortest : shortest.slice(0, point);
  let fraction = point < 0 ? "" : shortest.slice(point + 1);
  if (fraction.length > digits) {
    const roundUp = (fraction.charCodeAt(digits) as number) >= 53; // "5"
    fraction = fraction.slice(0, digits);
    if (roundUp) [whole, fraction] = addOneInLastPlace(whole, fraction);
  }
  fraction = fraction.replace(/0+$/, "");
  const sign = n < 0 || Object.is(n, -0) ? "-" : "";
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${fraction ? `.${fraction}` : ""}`;
}

/** whole.fraction + one unit in the fraction's last place, as decimal digit strings. */
function addOneInLastPlace(whole: string, fraction: string): [string, string] {
  const digits = `${whole}${fraction}`.split("");
  let i = digits.length - 1;
  for (; i >= 0 && digits[i] === "9"; i--) digits[i] = "0";
  if (i < 0) digits.unshift("1");
  else digits[i] = String(Number(digits[i]) + 1);
  const cut = digits.length - fraction.length;
  return [digits.slice(0, cut).join(""), digits.slice(cut).join("")];
}

export function showPercent(n: number | null): string {
  return n === null ? "" : `${(n * 100).toFixed(1)}%`;
}
