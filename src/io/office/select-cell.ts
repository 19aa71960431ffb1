/** A cell to select: its sheet's name and 0-based row and column (see `parseA1Address`). */
export interface CellTarget {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/**
 * Activates the cell's sheet and selects the cell (Excel scrolls to it). One sync; a
 * missing sheet fails at that sync.
 */
export async function selectCell(context: Excel.RequestContext, cell: CellTarget): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(cell.sheet);
  sheet.activate();
  sheet.getRangeByIndexes(cell.row, cell.col, 1, 1).select();
  await context.sync();
}
