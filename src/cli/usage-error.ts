/** A mistake in the command line or an unreadable file: one stderr line and exit 3. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
