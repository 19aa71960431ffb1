import { HOURS } from "../model/types";

/**
 * The model hours of an inclusive range, wrapping midnight when `from > to`.
 * @example scheduleHours({ from: 22, to: 2 }) // [22, 23, 0, 1, 2]
 */
export function scheduleHours(range: { readonly from: number; readonly to: number }): number[] {
  const hours: number[] = [];
  for (let h = range.from; ; h = (h + 1) % HOURS) {
    hours.push(h);
    if (h === range.to || hours.length === HOURS) break;
  }
  return hours;
}
