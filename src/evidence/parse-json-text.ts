import { resultsError, type ResultsError } from "./harness-results";

/** JSON.parse with the failure as a results error naming the line (a truncated file says so). */
export function parseJsonText(text: string, expected: string): { value: unknown } | { error: ResultsError } {
  if (text.trim() === "") return resultsError("line 1", `expected ${expected}, found an empty file`);
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(message);
    // V8 names no position for a bad first token ("Unexpected token 'a', … is not valid JSON").
    const at = position ? Number(position[1]) : /end of (JSON )?input/i.test(message) ? text.length : 0;
    if (at >= text.trimEnd().length) return resultsError(`line ${text.trimEnd().split("\n").length}`, `expected ${expected}, but the JSON ends early (the file looks truncated)`);
    const line = text.slice(0, at).split("\n").length;
    const reason = message.replace(/\s*in JSON at position \d+.*$/, "").replace(/, ".*$/, "");
    return resultsError(`line ${line}`, `expected ${expected}, found text that is not JSON (${reason})`);
  }
}

/** A plain object's member, or undefined. */
export function member(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
