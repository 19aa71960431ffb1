/**
 * Node only: a stand-in workbook copied from an .xlsx file, every sheet's cells (values and
 * number formats, bold) and every table's name and range, read with exceljs and the
 * project's xlsx cell conversion. `toJSON` of the result is what a browser page receives.
 * @example const wb = await loadStandinWorkbook("examples/appendix-a-sample.xlsx");
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { listTables } from "../support/exceljs-grids/list-tables";
import { readCell } from "../support/exceljs-grids/read-cells";
import { cellKey, createSheet, fromJSON, parseRect, toJSON, type StandinCell, type StandinSheet, type StandinWorkbook } from "./standin-workbook";

export { fromJSON, toJSON } from "./standin-workbook";

export async function loadStandinWorkbook(path: string): Promise<StandinWorkbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile(path);
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return standinFromExcelJs(workbook);
}

/** The same from a workbook already in memory. */
export function standinFromExcelJs(workbook: ExcelJS.Workbook): StandinWorkbook {
  const tables = listTables(workbook);
  const sheets = workbook.worksheets.map((worksheet): StandinSheet => {
    const cells = new Map<string, StandinCell>();
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const value = readCell(cell);
        const entry: StandinCell = {};
        // A formula exceljs holds without a result (a totals row it wrote) is shown blank.
        if (value !== null && !(typeof value === "object" && "formula" in value)) entry.value = typeof value === "object" ? { error: value.error } : value;
        if (cell.numFmt && cell.numFmt !== "General") entry.numberFormat = cell.numFmt;
        if (cell.font?.bold) entry.bold = true;
        if (Object.keys(entry).length > 0) cells.set(cellKey(rowNumber - 1, colNumber - 1), entry);
      });
    });
    const view = (worksheet.views ?? [])[0] as { state?: string; ySplit?: number } | undefined;
    return createSheet(worksheet.name, {
      visibility: worksheet.state === "hidden" ? "Hidden" : worksheet.state === "veryHidden" ? "VeryHidden" : "Visible",
      cells,
      frozenRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
      tables: tables
        .filter((t) => t.worksheet === worksheet && t.model.tableRef)
        .map((t) => {
          const ref = t.model.tableRef ?? "A1";
          const showHeaders = headerShown(cells, ref, (t.model.columns ?? []).map((c) => c.name ?? ""), t.model.headerRow);
          return {
            name: t.name,
            ref,
            showHeaders,
            showTotals: t.model.totalsRow === true,
            ...(showHeaders ? {} : { columns: (t.model.columns ?? []).map((c) => c.name ?? "") }),
          };
        }),
    });
  });
  const first = sheets.find((s) => s.visibility === "Visible") ?? sheets[0];
  if (!first) throw new Error("the workbook has no sheets");
  return { sheets, names: [], selection: { sheetId: first.id, address: "A1" } };
}

/**
 * exceljs reads a missing `headerRowCount` (Excel's default: one header row) as no header;
 * Excel keeps header cells equal to the column names, so a match means a header row.
 */
function headerShown(cells: Map<string, StandinCell>, ref: string, names: readonly string[], headerRow: boolean | undefined): boolean {
  if (headerRow === true || names.length === 0) return true;
  const rect = parseRect(ref);
  if (!rect) return true;
  return names.some((name, c) => {
    const value = cells.get(cellKey(rect.top, rect.left + c))?.value;
    return (typeof value === "string" || typeof value === "number") && String(value).trim().toLowerCase() === name.trim().toLowerCase();
  });
}

/** A JSON copy (what `/standin/workbook.json` serves) of an .xlsx file. */
export async function loadStandinWorkbookJson(path: string): Promise<ReturnType<typeof toJSON>> {
  return toJSON(await loadStandinWorkbook(path));
}

/** Round trip helper for tests: JSON text back to a workbook. */
export function standinFromJsonText(text: string): StandinWorkbook {
  return fromJSON(JSON.parse(text) as Parameters<typeof fromJSON>[0]);
}
