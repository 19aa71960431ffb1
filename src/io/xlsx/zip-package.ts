import { StringDecoder } from "node:string_decoder";
import { inflateRawSync } from "node:zlib";
import yauzl from "yauzl";
import { checkDeclaredSizes, checkHeapRoom, PACKAGE_BOUNDS, PackageRefused, showMiB } from "./package-bounds";

/** A zip package opened for reading parts by name (names matched case-insensitively, as OPC says). */
export interface ZipPackage {
  /** Part names as stored, without a leading slash. */
  readonly partNames: readonly string[];
  has(partName: string): boolean;
  /** A whole part as text (UTF-8). */
  readText(partName: string): Promise<string>;
  /** A part's text in chunks as it inflates, so a large sheet is never held whole. */
  streamText(partName: string, onText: (chunk: string) => void): Promise<void>;
  /**
   * A whole part's bytes when it is deflated and small enough to inflate at once
   * (INFLATE_AT_ONCE_BYTES); undefined otherwise (a part to stream, or stored).
   */
  readBytes(partName: string): Promise<Buffer | undefined>;
  close(): void;
}

/** The zip could not be opened or a part could not be inflated; `message` is one line. */
export class ZipReadError extends Error {
  override name = "ZipReadError";
}

const key = (name: string): string => name.replace(/^\/+/, "").toLowerCase();

/**
 * Opens a zip package — a file by path, or a whole file already in memory (a small workbook
 * is read in one call: each part then costs no trip through the file system's thread pool)
 * — lists its entries from the central directory and checks their declared sizes against
 * `PACKAGE_BOUNDS`, and against the heap reading them would take (`heapLimitBytes`), before
 * any part is inflated.
 * @example const pkg = await openZipPackage("model.xlsx"); await pkg.readText("xl/workbook.xml")
 */
export async function openZipPackage(source: string | Buffer, heapLimitBytes = Number.POSITIVE_INFINITY): Promise<ZipPackage> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false };
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    const opened = (err: Error | null, zf?: yauzl.ZipFile): void => (err || !zf ? reject(new ZipReadError(err?.message ?? "cannot open the zip")) : resolve(zf));
    if (typeof source === "string") yauzl.open(source, options, opened);
    else yauzl.fromBuffer(source, options, opened);
  });
  try {
    const entries = await listEntries(zip);
    const sizes = entries.map((e) => ({ name: e.fileName, size: e.uncompressedSize }));
    checkDeclaredSizes(sizes);
    checkHeapRoom(sizes, heapLimitBytes);
    return packageOf(zip, entries);
  } catch (error) {
    zip.close();
    throw error;
  }
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entries.length >= PACKAGE_BOUNDS.maxEntries) {
        reject(new PackageRefused(`the package holds more than the ${PACKAGE_BOUNDS.maxEntries} parts a workbook may have`));
        return;
      }
      if (!entry.fileName.endsWith("/")) entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (err: Error) => reject(new ZipReadError(err.message)));
    zip.readEntry();
  });
}

function packageOf(zip: yauzl.ZipFile, entries: readonly yauzl.Entry[]): ZipPackage {
  const byName = new Map(entries.map((e) => [key(e.fileName), e]));
  const entryOf = (partName: string): yauzl.Entry => {
    const entry = byName.get(key(partName));
    if (!entry) throw new ZipReadError(`part '${partName}' is missing`);
    return entry;
  };
  const atOnce = (entry: yauzl.Entry): boolean => entry.compressionMethod === 8 && entry.uncompressedSize <= INFLATE_AT_ONCE_BYTES;
  const streamText = async (partName: string, onText: (chunk: string) => void): Promise<void> => {
    const entry = entryOf(partName);
    if (!atOnce(entry)) return inflateStreaming(zip, entry, partName, onText);
    const text = partText(await inflateAtOnce(zip, entry, partName));
    if (text.length > 0) onText(text);
  };
  return {
    partNames: entries.map((e) => e.fileName),
    has: (partName) => byName.has(key(partName)),
    async readText(partName) {
      const chunks: string[] = [];
      await streamText(partName, (chunk) => chunks.push(chunk));
      return chunks.join("");
    },
    streamText,
    async readBytes(partName) {
      const entry = entryOf(partName);
      return atOnce(entry) ? inflateAtOnce(zip, entry, partName) : undefined;
    },
    close: () => zip.close(),
  };
}

/**
 * Parts up to this size (as declared) are read compressed and inflated in one synchronous
 * call: for the parts of an ordinary model that is faster than a stream of 16 KiB pieces
 * through zlib's thread pool, each one a trip through the event loop.
 */
export const INFLATE_AT_ONCE_BYTES = 8 * 1024 * 1024;

function bombRefusal(partName: string, entry: yauzl.Entry): PackageRefused {
  return new PackageRefused(`part '${partName}' expands past the ${showMiB(entry.uncompressedSize)} its zip header declares (a zip bomb or a corrupt file)`);
}

function shortPart(partName: string): ZipReadError {
  return new ZipReadError(`part '${partName}' cannot be inflated (it holds fewer bytes than its zip header declares)`);
}

/** A part's bytes as text: UTF-8, without a byte order mark. */
export function partText(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function inflateAtOnce(zip: yauzl.ZipFile, entry: yauzl.Entry, partName: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, { decompress: false }, (err, stream) => {
      if (err || !stream) {
        reject(new ZipReadError(`part '${partName}' cannot be read (${err?.message ?? "no stream"})`));
        return;
      }
      const pieces: Buffer[] = [];
      stream.on("data", (buffer: Buffer) => pieces.push(buffer));
      stream.on("error", (error: Error) => reject(new ZipReadError(`part '${partName}' cannot be read (${error.message})`)));
      stream.on("end", () => {
        let bytes: Buffer;
        try {
          // One byte more than declared is room enough to tell a part that expands past it.
          bytes = inflateRawSync(Buffer.concat(pieces), { maxOutputLength: entry.uncompressedSize + 1 });
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          reject(code === "ERR_BUFFER_TOO_LARGE" ? bombRefusal(partName, entry) : new ZipReadError(`part '${partName}' cannot be inflated (${(error as Error).message})`));
          return;
        }
        if (bytes.length > entry.uncompressedSize) reject(bombRefusal(partName, entry));
        else if (bytes.length < entry.uncompressedSize) reject(shortPart(partName));
        else resolve(bytes);
      });
    });
  });
}

function inflateStreaming(zip: yauzl.ZipFile, entry: yauzl.Entry, partName: string, onText: (chunk: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(new ZipReadError(`part '${partName}' cannot be read (${err?.message ?? "no stream"})`));
        return;
      }
      const decoder = new StringDecoder("utf8");
      let first = true;
      let failed = false;
      const fail = (error: Error): void => {
        if (failed) return;
        failed = true;
        stream.destroy();
        reject(error);
      };
      stream.on("data", (buffer: Buffer) => {
        if (failed) return;
        let text = decoder.write(buffer);
        if (first && text.length > 0) {
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          first = false;
        }
        try {
          if (text.length > 0) onText(text);
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      });
      stream.on("error", (error: Error) =>
        fail(
          /too many bytes/i.test(error.message)
            ? bombRefusal(partName, entry)
            : /not enough bytes/i.test(error.message)
              ? shortPart(partName)
              : new ZipReadError(`part '${partName}' cannot be inflated (${error.message})`),
        ),
      );
      stream.on("end", () => {
        if (failed) return;
        try {
          const rest = decoder.end();
          if (rest.length > 0) onText(rest);
          resolve();
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  });
}
