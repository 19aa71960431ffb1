import type ExcelJS from "exceljs";

/**
 * The parts of exceljs's table model this adapter reads. exceljs 4.4 does not declare
 * them: a worksheet keeps `tables: { [name]: Table }` and each `Table` its model in
 * `.table`. A loaded table has `tableRef` (e.g. "C5:E9", header and totals rows
 * included) and no `rows`; a table added in memory has both `ref` and `tableRef`.
 */
export interface TableModel {
  readonly name?: string;
  readonly displayName?: string;
  readonly tableRef?: string;
  /** Unreliable when loaded: exceljs reads a missing `headerRowCount` (Excel's default 1) as false. */
  readonly headerRow?: boolean;
  readonly totalsRow?: boolean;
  readonly columns?: readonly { readonly name?: string }[];
}

/** One Excel table with the worksheet that holds it. */
export interface ListedTable {
  /** As spelled in the workbook: `displayName`, what Excel shows and formulas use. */
  readonly name: string;
  readonly worksheet: ExcelJS.Worksheet;
  readonly model: TableModel;
}

/**
 * Every Excel table in the workbook, sheet by sheet in tab order.
 * @example listTables(workbook).map((t) => t.name) // ["Phases", "Volumes"]
 */
export function listTables(workbook: ExcelJS.Workbook): ListedTable[] {
  const listed: ListedTable[] = [];
  for (const worksheet of workbook.worksheets) {
    const tables = (worksheet as unknown as { tables?: Record<string, { table?: TableModel }> }).tables;
    for (const table of Object.values(tables ?? {})) {
      const model = table.table;
      const name = model?.displayName || model?.name;
      if (model && name) listed.push({ name, worksheet, model });
    }
  }
  return listed;
}
