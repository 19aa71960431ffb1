/**
 * A workbook file that cannot be read: missing, a directory, not an .xlsx, corrupt.
 * The message is one line, fit for the CLI to print as is; the host error is `cause`.
 * @example new WorkbookReadError("x.xlsx", "no such file", { cause: err }).message
 * // "cannot read 'x.xlsx': no such file"
 */
export class WorkbookReadError extends Error {
  override name = "WorkbookReadError";
  readonly path: string;

  constructor(path: string, reason: string, options: { cause: unknown }) {
    super(oneLine(`cannot read '${path}': ${reason}`), options);
    this.path = path;
  }
}

/**
 * The first line of a host error's message, without jszip's help link, kept short.
 * @example shortReason(new Error("Corrupted zip: can't find end of central directory\n at ..."))
 * // "Corrupted zip: can't find end of central directory"
 */
export function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = (message.split(/\r?\n/)[0] ?? "").replace(/\s*(If it is, )?see https?:\/\/\S+/i, "").trim();
  const text = first === "" ? "unknown error" : first;
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}
