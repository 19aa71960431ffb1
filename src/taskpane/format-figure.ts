/** Display formats for the pane (the sheets and CSVs keep full precision). */
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const two = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const precise = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 6 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Large figures as whole numbers, small ones to 6 significant digits: `1,647,862`, `0.0416667`. */
export function showFigure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  if (Math.abs(value) >= 1000) return whole.format(value);
  if (Math.abs(value) >= 10) return two.format(value);
  return precise.format(value);
}

/** An axis tick: `1500000` → `1.5M`. */
export function showCompact(value: number): string {
  return Number.isFinite(value) ? compact.format(value) : "";
}

/** A fraction as a percentage with one decimal, the pane's one unit for utilisation: `0.835` → `83.5%`, `1` → `100.0%`. */
export function showPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return percent.format(value);
}

/** An hour of the day as a clock range: `2` → `02:00–02:59`. */
export function showHour(hour: number): string {
  const hh = String(hour).padStart(2, "0");
  return `${hh}:00–${hh}:59`;
}

/** A number in running text: digits not part of a word (`C7`, `H02`, `1e-6` stay as they are). */
const NUMBER_IN_TEXT = /(?<![\w.])\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w.])/gi;

/**
 * Arithmetic for reading: every number shown as `showFigure` shows it (`50970.348000000005`
 * → `50,970.35`); the exact text stays available to the caller (a tooltip).
 * @example readableArithmetic("0.1 × 3 = 0.30000000000000004") // "0.1 × 3 = 0.3"
 */
export function readableArithmetic(text: string): string {
  return text.replace(NUMBER_IN_TEXT, (n) => showFigure(Number(n)));
}

/**
 * A message without floating-point noise: a number carried to 12 or more significant
 * digits by binary rounding is shown to 12 (`8.919999999999995` → `8.92`); every other
 * number, and the rest of the text, is left exactly as it was.
 */
export function withoutFloatNoise(text: string): string {
  return text.replace(NUMBER_IN_TEXT, (n) => {
    const value = Number(n);
    if (!Number.isFinite(value) || !n.includes(".")) return n;
    const tidy = String(Number(value.toPrecision(12)));
    return tidy.length < n.length ? tidy : n;
  });
}
