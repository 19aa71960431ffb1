/** A status check in words, the same in the summary and in an explanation. */
import type { StatusCheck } from "../../engine";
import { showFigure, showPercent } from "../format-figure";

const BASIS: Readonly<Record<StatusCheck["basis"], { name: string; unit: string; limit: string }>> = {
  per_hour: { name: "per hour", unit: "/h", limit: "CapacityPerHour" },
  per_second: { name: "per second", unit: "/s", limit: "PeakPerSecond" },
};

/** One comparison in words: `required 438.6/s > PeakPerSecond 400/s (9.6% over)`. */
export function describeCheck(c: StatusCheck): string {
  const b = BASIS[c.basis];
  const by = c.passes ? `${showPercent(1 - c.ratio)} spare` : `${showPercent(c.ratio - 1)} over`;
  return `required ${showFigure(c.required)}${b.unit} ${c.passes ? "≤" : ">"} ${b.limit} ${showFigure(c.limit)}${b.unit} (${by})`;
}

/** `per hour` or `per second`. */
export function checkName(c: StatusCheck): string {
  return BASIS[c.basis].name;
}
