/**
 * Turns anything thrown while talking to Excel into one sentence for the banner: what was
 * being done and what went wrong, never a stack trace. The only place the pane translates
 * errors.
 */
const OFFICE_CODES: Readonly<Record<string, string>> = {
  AccessDenied: "Excel refused access. The workbook may be read-only or protected.",
  InvalidArgument: "Excel rejected a value the add-in sent.",
  InvalidOperation: "Excel cannot do that right now. The workbook may be in cell-edit mode: press Enter or Esc and try again.",
  ItemNotFound: "A sheet or table the add-in expected is not in the workbook any more.",
  ItemAlreadyExists: "A sheet or table of that name already exists.",
  RequestPayloadSizeLimitExceeded: "The request was too large for Excel on the web.",
  GeneralException: "Excel reported an internal error.",
};

const MAX_DETAIL = 200;

/** @example friendlyError("Compute", new Error("boom")) // "Compute failed: boom" */
export function friendlyError(action: string, error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const known = typeof code === "string" ? OFFICE_CODES[code] : undefined;
  if (known) return `${action} failed. ${known}`;
  const detail = firstLine(error instanceof Error ? error.message : typeof error === "string" ? error : "");
  return detail ? `${action} failed: ${detail}` : `${action} failed for an unknown reason. Try again.`;
}

function firstLine(text: string): string {
  const line = (text.split(/\r?\n/)[0] ?? "").replace(/^(Error|TypeError|RangeError):\s*/, "").trim();
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL - 1)}…` : line;
}
