import { rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fsReason, OutputWriteError, prepareFolder } from "./output-set";

/**
 * Writes a file whole: a temporary file beside it, then a rename, so a reader never sees
 * half a file and a failed run leaves the old file (or none). A folder or file in the way,
 * a full disk or a refusal is an `OutputWriteError` of one line, never the library's text.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  prepareFolder(dirname(path));
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await writeFile(tmp, content, "utf8");
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new OutputWriteError(`cannot write '${path}': ${fsReason(error)}`, { cause: error });
  }
}
