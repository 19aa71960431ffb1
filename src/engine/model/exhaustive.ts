/**
 * Ends every switch over a closed set: the compiler rejects a missing case, and a value
 * that slips past the types at run time is an internal error.
 * @example switch (stream) { case "Traffic": …; default: return exhaustive(stream); }
 */
export function exhaustive(x: never): never {
  throw new Error(`internal error: unexpected value ${String(x)}`);
}
