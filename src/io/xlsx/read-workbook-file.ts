import { open } from "node:fs/promises";
import { getHeapStatistics } from "node:v8";
import type { WorkbookGrids } from "../../engine/model/grid";
import { PackageRefused } from "./package-bounds";
import { NotAWorkbook, readPackageGrids } from "./read-package-grids";
import type { SheetCellScanner } from "./read-sheet-part";
import { shortReason, WorkbookReadError } from "./workbook-read-error";
import { openZipPackage, ZipReadError, type ZipPackage } from "./zip-package";

export { PACKAGE_BOUNDS } from "./package-bounds";
export { WorkbookReadError } from "./workbook-read-error";

/**
 * Reads an .xlsx file into the grids the engine asks for: each spec table's Excel table
 * (any sheet, any position), else the worksheet of that name read from A1.
 * Rejects with `WorkbookReadError` (one-line message) for any file it cannot read, and
 * refuses, before inflating it, a package that would expand past `PACKAGE_BOUNDS` or need
 * more heap to read and check than this process may use (`checkHeapRoom`).
 * @example const grids = await readWorkbookFile("model.xlsx"); analyseWorkbook(grids)
 */
export async function readWorkbookFile(path: string, options: ReadOptions = {}): Promise<WorkbookGrids> {
  const whole = await checkFileKind(path, options.readWholeBytes ?? READ_WHOLE_BYTES);
  let pkg: ZipPackage;
  try {
    pkg = await openZipPackage(whole ?? path, getHeapStatistics().heap_size_limit);
  } catch (cause) {
    throw new WorkbookReadError(path, reasonOf(cause, "not a valid .xlsx workbook (not a zip package)"), { cause });
  }
  try {
    return await readPackageGrids(pkg, options.sheetScanner);
  } catch (cause) {
    throw new WorkbookReadError(path, reasonOf(cause, `not a valid .xlsx workbook (${shortReason(cause)})`), { cause });
  } finally {
    pkg.close();
  }
}

function reasonOf(cause: unknown, fallback: string): string {
  if (cause instanceof PackageRefused) return `refused: ${cause.message}`;
  if (cause instanceof NotAWorkbook) return cause.message;
  if (cause instanceof ZipReadError) return fallback.includes("not a zip package") ? `not a valid .xlsx workbook (${shortReason(cause)})` : fallback;
  return fallback;
}

const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURES = [Buffer.from("PK\x03\x04", "latin1"), Buffer.from("PK\x05\x06", "latin1")];

/**
 * Files up to this size are read whole in one call and their parts inflated from memory
 * (on the bench model ~10% of a whole `compute` faster than ~30 reads through the thread
 * pool); a real Appendix A model is a few MB. A larger file is read part by part.
 */
export const READ_WHOLE_BYTES = 32 * 1024 * 1024;

export interface ReadOptions {
  /** Read files up to this size whole (default READ_WHOLE_BYTES); tests set 0 to read part by part. */
  readonly readWholeBytes?: number;
  /** Scans worksheet parts faster where it can (the CLI's native scanner); see SheetCellScanner. */
  readonly sheetScanner?: SheetCellScanner;
}

/**
 * Opens the file to tell file-system problems and non-zip formats from a broken .xlsx.
 * Returns the whole file when it is small enough to read at once (`READ_WHOLE_BYTES`).
 */
async function checkFileKind(path: string, readWholeBytes: number): Promise<Buffer | undefined> {
  let head: Buffer;
  let whole: Buffer | undefined;
  try {
    const file = await open(path, "r");
    try {
      const stat = await file.stat();
      if (stat.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
      if (stat.isFile() && stat.size <= readWholeBytes) {
        whole = await file.readFile();
        head = whole.subarray(0, 8);
      } else {
        head = Buffer.alloc(8);
        const { bytesRead } = await file.read(head, 0, 8, 0);
        head = head.subarray(0, bytesRead);
      }
    } finally {
      await file.close();
    }
  } catch (cause) {
    throw new WorkbookReadError(path, fileProblem(cause), { cause });
  }
  if (head.equals(OLE2_SIGNATURE)) {
    throw new WorkbookReadError(path, "this is an Excel 97-2003 workbook (.xls) or a password-protected workbook: save it as .xlsx without a password", {
      cause: new Error("OLE2 compound file"),
    });
  }
  if (!ZIP_SIGNATURES.some((sig) => head.subarray(0, 4).equals(sig))) {
    const kind = head.length === 0 ? "the file is empty" : "not a zip package";
    throw new WorkbookReadError(path, `not a valid .xlsx workbook (${kind})`, { cause: new Error(kind) });
  }
  return whole;
}

function fileProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "it is a directory, not an .xlsx file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return shortReason(error);
  }
}
