import { readFile } from "node:fs/promises";
import type ExcelJS from "exceljs";
import { ExcelWorkbook } from "./exceljs-core";
import type { WorkbookGrids } from "../../engine/model/grid";
import { gridsFromWorkbook } from "./grids-from-workbook";
import { shortReason, WorkbookReadError } from "./workbook-read-error";

export { gridsFromWorkbook } from "./grids-from-workbook";
export { toCellValue } from "./to-cell-value";
export { WorkbookReadError } from "./workbook-read-error";

/**
 * Reads an .xlsx file into the grids the engine asks for: each spec table's Excel table
 * (any sheet, any position), else the worksheet of that name read from A1.
 * Rejects with `WorkbookReadError` (one-line message) for any file it cannot read.
 * @example const grids = await readWorkbookFile("model.xlsx"); analyseWorkbook(grids)
 */
export async function readWorkbookFile(path: string): Promise<WorkbookGrids> {
  const bytes = await readBytes(path);
  const workbook = new ExcelWorkbook();
  try {
    // exceljs declares its own global `Buffer extends ArrayBuffer`, at odds with Node's.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (cause) {
    throw new WorkbookReadError(path, `not a valid .xlsx workbook (${shortReason(cause)})`, { cause });
  }
  if (workbook.worksheets.length === 0) {
    // A zip that is not a spreadsheet (no workbook part) loads as an empty workbook.
    throw new WorkbookReadError(path, "not a valid .xlsx workbook (no worksheets found)", {
      cause: new Error("exceljs loaded the file but found no worksheets"),
    });
  }
  try {
    return gridsFromWorkbook(workbook);
  } catch (cause) {
    throw new WorkbookReadError(path, `unexpected workbook content (${shortReason(cause)})`, { cause });
  }
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new WorkbookReadError(path, fileProblem(cause), { cause });
  }
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
