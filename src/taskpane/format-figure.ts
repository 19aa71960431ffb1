/** Display formats for the pane (the sheets and CSVs keep full precision). */
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const two = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const precise = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 6 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });

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

/** A fraction as a percentage: `0.835` → `83.5%`. */
export function showPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return percent.format(value);
}

/** An hour of the day as a clock range: `2` → `02:00–02:59`. */
export function showHour(hour: number): string {
  const hh = String(hour).padStart(2, "0");
  return `${hh}:00–${hh}:59`;
}
