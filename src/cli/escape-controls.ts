const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Text from a workbook made safe to print on one terminal line: line breaks, tabs,
 * escape sequences and other control characters shown as `\n`, `\t`, `\u001b` …, so a
 * name can neither split a message nor forge a line of its own.
 * @example escapeControls("DSP\nsctvm: all PASS") // "DSP\\nsctvm: all PASS"
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (ch) => NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A copy of plain data (objects, arrays) with every string passed through `escapeControls`,
 * for results printed as text line by line (explain, compare): each name then stays on its
 * line. Numbers, booleans and null are kept; JSON output takes the data as it is.
 * @example escapeControlsIn({ dmc: "A\nB", value: 1 }) // { dmc: "A\\nB", value: 1 }
 */
export function escapeControlsIn<T>(value: T): T {
  if (typeof value === "string") return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => escapeControlsIn(v)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeControlsIn(v)])) as T;
  }
  return value;
}
