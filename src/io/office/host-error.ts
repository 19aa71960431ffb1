/**
 * A host failure as one clear line, with the Office.js error kept as `cause`.
 * @example hostError("read the model tables", officeError).message
 * // "Excel could not read the model tables: The requested resource doesn't exist. (ItemNotFound)"
 */
export function hostError(action: string, cause: unknown): Error {
  return new Error(`Excel could not ${action}: ${describeHostError(cause)}`, { cause });
}

/**
 * Runs a host task; a failure becomes `hostError(action, …)`, one clear line with `cause`.
 * @example await attemptHost("read the baseline", () => run(readBaselineSheet))
 */
export async function attemptHost<T>(action: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (cause) {
    throw hostError(action, cause);
  }
}

/** The first line of a host error's message, with its Office.js `code` when it has one. */
export function describeHostError(error: unknown): string {
  const record = typeof error === "object" && error !== null ? (error as { message?: unknown; code?: unknown }) : {};
  const raw = typeof record.message === "string" ? record.message : String(error);
  const first = (raw.split(/\r?\n/)[0] ?? "").trim() || "unknown error";
  const code = typeof record.code === "string" && record.code !== "" && !first.includes(record.code) ? ` (${record.code})` : "";
  const text = `${first}${code}`;
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
