/**
 * Whole request counts per interval whose running totals follow the exact running totals
 * (each boundary rounded), so no rounding error accumulates: a series' total is its exact
 * total rounded.
 * @example integerCounts([0.4, 0.4, 0.4]) // [0, 1, 0]
 */
export function integerCounts(exact: readonly number[]): number[] {
  let cumulative = 0;
  let previous = 0;
  return exact.map((x) => {
    cumulative += x;
    const rounded = Math.round(cumulative);
    const count = rounded - previous;
    previous = rounded;
    return count;
  });
}
