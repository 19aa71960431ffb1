/**
 * How bench child processes hand figures back: one stderr line that starts with a marker,
 * holding JSON. Everything else the child prints is left alone.
 */
export const REPORT_MARKER = "@@sctvm-bench ";

/** Writes a report line to stderr. */
export function writeReport(report: object): void {
  process.stderr.write(`${REPORT_MARKER}${JSON.stringify(report)}\n`);
}

/**
 * The last report line in a child's stderr, parsed; undefined when there is none.
 * @example readReport("warning: x\n@@sctvm-bench {\"maxRssKb\":1}\n") // { maxRssKb: 1 }
 */
export function readReport<T>(stderr: string): T | undefined {
  const line = stderr
    .split("\n")
    .reverse()
    .find((l) => l.startsWith(REPORT_MARKER));
  return line === undefined ? undefined : (JSON.parse(line.slice(REPORT_MARKER.length)) as T);
}
