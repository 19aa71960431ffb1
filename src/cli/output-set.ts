import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, write } from "node:fs";
import { dirname, join } from "node:path";

/** The run record: written last, so its presence says the set beside it is complete. */
export const RUN_RECORD = "sctvm-run.json";

/** One output file of a run, as text (or as chunks of UTF-8 bytes, for large outputs, possibly made on another thread). */
export interface OutputFileText {
  readonly file: string;
  readonly text: string | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  /** Called with each chunk of `text` once it is written: its memory may then be reused. */
  readonly recycle?: (chunk: Uint8Array) => void;
}

export interface RunRecord {
  readonly version: 1;
  readonly tool: "sctvm";
  readonly command: string;
  readonly model: string;
  /** SHA-256 of the parsed model; absent when the model has errors. */
  readonly fingerprint: string | null;
  readonly files: readonly { readonly file: string; readonly bytes: number; readonly sha256: string }[];
}

/** An output folder or file that cannot be written; `message` is one line, nothing changed. */
export class OutputWriteError extends Error {
  override name = "OutputWriteError";
}

const TEMP = /^\.sctvm-(\d+)-[0-9a-z]+-.*\.tmp$/;
/** Temporary files of earlier sctvm versions: `.PID.TIME.rand.tmp`. */
const OLD_TEMP = /^\.(\d+)\.\d+\.[0-9a-z]+\.tmp$/;
const pendingTemps = new Set<string>();
let signalsInstalled = false;

/**
 * Writes a run's files as one set: every file to a temporary file first; only when all
 * are written, and in one synchronous step (no signal handler can run inside it), removes
 * the old run record, renames every file into place, removes `stale` files and renames
 * the new run record last. A failure or SIGINT/SIGTERM before that step removes the
 * temporary files and leaves the folder as it was; temporary files of runs killed outright
 * (SIGKILL) are removed by the next run.
 * @example await writeOutputSet("out", [{ file: "issues.csv", text }], meta, [])
 */
export async function writeOutputSet(outDir: string, files: readonly OutputFileText[], meta: Omit<RunRecord, "version" | "tool" | "files">, stale: readonly string[]): Promise<RunRecord> {
  prepareFolder(outDir);
  installSignalCleanup();
  removeDeadTemps(outDir);
  const token = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const temps: { file: string; temp: string }[] = [];
  try {
    const entries: RunRecord["files"][number][] = [];
    for (const f of files) {
      const temp = join(outDir, `.sctvm-${token}-${f.file}.tmp`);
      temps.push({ file: f.file, temp });
      pendingTemps.add(temp);
      entries.push({ file: f.file, ...(await writeHashed(temp, f.text, join(outDir, f.file), f.recycle)) });
    }
    const record: RunRecord = { version: 1, tool: "sctvm", ...meta, files: entries };
    const recordTemp = join(outDir, `.sctvm-${token}-${RUN_RECORD}.tmp`);
    pendingTemps.add(recordTemp);
    await writeHashed(recordTemp, `${JSON.stringify(record, null, 2)}\n`, join(outDir, RUN_RECORD));
    commit(outDir, temps, recordTemp, stale);
    return record;
  } finally {
    for (const { temp } of temps) removeTemp(temp);
    for (const temp of [...pendingTemps]) if (temp.startsWith(join(outDir, `.sctvm-${token}-`))) removeTemp(temp);
  }
}

function commit(outDir: string, temps: readonly { file: string; temp: string }[], recordTemp: string, stale: readonly string[]): void {
  try {
    rmSync(join(outDir, RUN_RECORD), { force: true });
    for (const { file, temp } of temps) {
      renameSync(temp, join(outDir, file));
      pendingTemps.delete(temp);
    }
    for (const file of stale) rmSync(join(outDir, file), { force: true });
    renameSync(recordTemp, join(outDir, RUN_RECORD));
    pendingTemps.delete(recordTemp);
  } catch (error) {
    throw new OutputWriteError(`cannot put the output files in place in '${outDir}': ${fsReason(error)}; the folder has no ${RUN_RECORD}, so its set is incomplete: run again`, { cause: error });
  }
}

/**
 * Writes each chunk with an asynchronous write on the open file while the caller's
 * generator makes the next chunk, so the disk works while the CPU formats (on the
 * 100,002-row model, ~1.8 s of writing no longer adds to the run). The file is opened
 * synchronously before any write and writes go to its descriptor, so a signal handler
 * that removes the temporary file while a write is in flight leaves nothing behind (the
 * write lands in the removed file; it cannot re-create the name). At most one write is in
 * flight, and the file is never closed under one.
 */
async function writeHashed(temp: string, text: OutputFileText["text"], shown: string, recycle?: (chunk: Uint8Array) => void): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  const fd = fsCall(() => openSync(temp, "w"), shown);
  let inFlight: Promise<void> = Promise.resolve();
  try {
    for await (const buffer of typeof text === "string" ? [Buffer.from(text, "utf8")] : text) {
      hash.update(buffer);
      bytes += buffer.length;
      await inFlight;
      inFlight = writeWhole(fd, buffer, shown);
      if (recycle) inFlight = inFlight.then(() => recycle(buffer));
      // Handled now, thrown by the next `await inFlight`: while the next chunk is awaited (an
      // async source waits for the worker thread), a failed write must not count as an
      // unhandled rejection, which would end the process with a stack trace.
      inFlight.catch(() => undefined);
    }
    await inFlight;
  } finally {
    await inFlight.catch(() => undefined);
    fsCall(() => closeSync(fd), shown);
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** All of `buffer` to `fd` at its current position, by as many writes as it takes. */
function writeWhole(fd: number, buffer: Uint8Array, shown: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const from = (at: number): void => {
      if (at >= buffer.length) {
        resolve();
        return;
      }
      write(fd, buffer, at, buffer.length - at, null, (error, written) => (error ? reject(writeError(shown, error)) : from(at + written)));
    };
    from(0);
  });
}

function writeError(shown: string, error: unknown): OutputWriteError {
  return new OutputWriteError(`cannot write '${shown}': ${fsReason(error)}; no output file was changed`, { cause: error });
}

function fsCall<T>(call: () => T, shown: string): T {
  try {
    return call();
  } catch (error) {
    throw writeError(shown, error);
  }
}

/**
 * Makes the output folder (and its parents) or says in one line why it cannot: a file in
 * the way is named (`--out x/y` where x is a file names x), never the library's EEXIST text.
 * @example prepareFolder("out") // throws OutputWriteError "cannot use 'out' as the output folder: …"
 */
export function prepareFolder(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
    if (!statSync(outDir).isDirectory()) throw Object.assign(new Error("ENOTDIR"), { code: "ENOTDIR" });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const blocker = code === "EEXIST" || code === "ENOTDIR" ? fileInTheWay(outDir) : undefined;
    const reason = blocker && blocker !== outDir ? `'${blocker}' is a file (not a folder) in the way` : fsReason(error);
    throw new OutputWriteError(`cannot use '${outDir}' as the output folder: ${reason}`, { cause: error });
  }
}

/** The first existing path on the way to `dir` that is not a folder, if any. */
function fileInTheWay(dir: string): string | undefined {
  const chain: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    chain.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const at of chain) {
    try {
      if (!statSync(at).isDirectory()) return at;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A file-system error as a few words for people (never the library's raw text). */
export function fsReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "EEXIST":
    case "ENOTDIR":
      return "a file (not a folder) is in the way";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOSPC":
      return "the disk is full";
    case "EDQUOT":
      return "the disk quota is used up";
    case "EFBIG":
      return "the file is larger than this system allows (file size limit)";
    case "EROFS":
      return "the file system is read-only";
    case "EISDIR":
      return "a folder of that name is in the way";
    case "ENAMETOOLONG":
      return "the path is too long";
    default:
      return typeof code === "string" ? `the file system refused it (${code})` : "the file system refused it";
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM";
  }
}

/** Removes temporary files left by sctvm runs that are no longer running. */
export function removeDeadTemps(outDir: string): void {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name) ?? OLD_TEMP.exec(name);
    if (m && !isAlive(Number(m[1]))) removeTemp(join(outDir, name));
  }
}

function removeTemp(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone (renamed into place, or removed by a signal handler).
  }
  pendingTemps.delete(path);
}

/** On SIGINT or SIGTERM: remove this run's temporary files, say so, exit 130 or 143. */
function installSignalCleanup(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  const onSignal = (signal: NodeJS.Signals, code: number) => (): void => {
    const writing = pendingTemps.size > 0;
    for (const temp of [...pendingTemps]) removeTemp(temp);
    process.stderr.write(`sctvm: stopped by ${signal}${writing ? "; no output file was changed" : ""}\n`);
    process.exit(code);
  };
  process.on("SIGINT", onSignal("SIGINT", 130));
  process.on("SIGTERM", onSignal("SIGTERM", 143));
}
