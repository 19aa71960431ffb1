import { planReads, type CellGrid, type CellValue, type WorkbookGrids } from "../../engine";
import { officeRows } from "./office-cell-value";

const RANGE_PROPERTIES = "values, valueTypes, rowIndex, columnIndex";
const SIZE_PROPERTIES = "rowIndex, columnIndex, rowCount, columnCount";
/** Bytes a cell costs in a response (its value and its type as JSON), for planning blocks. */
const BYTES_PER_CELL = 48;
/** Largest planned response; Excel on the web refuses responses over 5 MB. */
const DEFAULT_RESPONSE_BUDGET = 4 * 1024 * 1024;

export interface ReadModelOptions {
  /** Largest estimated response per sync when a read has to be split (default 4 MB). */
  readonly responseBudgetBytes?: number;
}

/** Where a model grid is, and how to turn its cells into a grid. */
interface GridSource {
  readonly name: string;
  readonly sheet: string;
  /** The table's whole range, or A1 to the sheet's last used cell. */
  readonly range: () => Excel.Range;
  readonly worksheet: Excel.Worksheet;
  /** Set for a table whose totals row is shown: the last row of its range is dropped. */
  readonly dropLastRow: boolean;
  /** Loaded for a table whose header row is hidden: its column names become the header. */
  readonly columns?: Excel.TableColumnCollection;
  readonly isSheet: boolean;
}

/**
 * Reads every model table in two syncs, whatever their number: (1) the names of all tables
 * and sheets, from which the engine's `planReads` picks what to read; (2) the cells of each
 * chosen table, and of each chosen sheet from A1 to its last used cell. When the answer to
 * (2) is over Excel on the web's 5 MB response limit, the read is split by size instead,
 * as writes are: the ranges' sizes first, then blocks of rows under the budget.
 * @example const grids = await Excel.run((context) => readModelGrids(context));
 */
export async function readModelGrids(context: Excel.RequestContext, options: ReadModelOptions = {}): Promise<WorkbookGrids> {
  const tables = context.workbook.tables.load("items/name, items/showHeaders, items/showTotals, items/worksheet/name");
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();

  const plan = planReads({
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    sheets: sheets.items.map((s) => s.name),
  });
  const sources = (): GridSource[] => [
    ...plan.tables.flatMap((name): GridSource[] => {
      const table = tables.items.find((t) => t.name === name);
      if (!table) return [];
      return [
        {
          name: table.name,
          sheet: table.worksheet.name,
          range: () => table.getRange(),
          worksheet: table.worksheet,
          dropLastRow: table.showTotals,
          columns: table.showHeaders ? undefined : table.columns.load("items/name"),
          isSheet: false,
        },
      ];
    }),
    ...plan.sheets.flatMap((name): GridSource[] => {
      const sheet = sheets.items.find((s) => s.name === name);
      if (!sheet) return [];
      // A1 to the last cell holding a value: the engine reads a sheet from its first row.
      return [{ name: sheet.name, sheet: sheet.name, range: () => sheet.getRange("A1").getBoundingRect(sheet.getUsedRange(true)), worksheet: sheet, dropLastRow: false, isSheet: true }];
    }),
  ];
  const first = sources();
  if (first.length === 0) return { tables: [], sheets: [] };

  const whole = first.map((source) => ({ source, range: source.range().load(RANGE_PROPERTIES) }));
  try {
    await context.sync();
    return gridsOf(whole.map(({ source, range }) => ({ source, top: range.rowIndex, left: range.columnIndex, rows: officeRows(range.values, range.valueTypes) })));
  } catch (error) {
    if (!isPayloadLimit(error)) throw error;
  }
  return readInBlocks(context, sources(), options.responseBudgetBytes ?? DEFAULT_RESPONSE_BUDGET);
}

function isPayloadLimit(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

interface Block {
  readonly grid: number;
  readonly start: number;
  readonly count: number;
}

/** The split read: sizes in one sync, then row blocks packed into syncs under `budget`. */
async function readInBlocks(context: Excel.RequestContext, sources: readonly GridSource[], budget: number): Promise<WorkbookGrids> {
  const sized = sources.map((source) => source.range().load(SIZE_PROPERTIES));
  await context.sync();
  const width = (g: number): number => Math.max(1, sized[g]?.columnCount ?? 1);
  const cost = (b: Block): number => b.count * width(b.grid) * BYTES_PER_CELL;
  let work: Block[] = sized.flatMap((range, g) => {
    const perBlock = Math.max(1, Math.floor(budget / (width(g) * BYTES_PER_CELL)));
    const blocks: Block[] = [];
    for (let start = 0; start < range.rowCount; start += perBlock) blocks.push({ grid: g, start, count: Math.min(perBlock, range.rowCount - start) });
    return blocks;
  });
  const done = new Map<Block, { values: unknown[][]; valueTypes: string[][] }>();
  while (work.length > 0) {
    const batch: Block[] = [];
    let bytes = 0;
    while (work.length > 0 && (batch.length === 0 || bytes + cost(work[0] as Block) <= budget)) {
      const next = work.shift() as Block;
      batch.push(next);
      bytes += cost(next);
    }
    const loaded = batch.map((b) => {
      const at = sized[b.grid] as Excel.Range;
      return (sources[b.grid] as GridSource).worksheet.getRangeByIndexes(at.rowIndex + b.start, at.columnIndex, b.count, width(b.grid)).load("values, valueTypes");
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadLimit(error)) throw error;
      // Bigger than planned (long text): halve what was asked and try again.
      const [only] = batch;
      if (batch.length > 1) work = [...batch, ...work];
      else if (only && only.count > 1) {
        const half = Math.ceil(only.count / 2);
        work = [{ ...only, count: half }, { ...only, start: only.start + half, count: only.count - half }, ...work];
      } else throw error;
      budget = batch.length > 1 ? Math.max(1, Math.floor(budget / 2)) : budget;
      continue;
    }
    batch.forEach((b, i) => done.set(b, { values: (loaded[i] as Excel.Range).values, valueTypes: (loaded[i] as Excel.Range).valueTypes }));
  }
  const blocks = [...done.keys()].sort((a, b) => a.grid - b.grid || a.start - b.start);
  return gridsOf(
    sources.map((source, g) => {
      const mine = blocks.filter((b) => b.grid === g).map((b) => done.get(b) as { values: unknown[][]; valueTypes: string[][] });
      return {
        source,
        top: (sized[g] as Excel.Range).rowIndex,
        left: (sized[g] as Excel.Range).columnIndex,
        rows: mine.flatMap((m) => officeRows(m.values, m.valueTypes)),
      };
    }),
  );
}

function gridsOf(read: readonly { source: GridSource; top: number; left: number; rows: CellValue[][] }[]): WorkbookGrids {
  const grids = read.map(({ source, top, left, rows }) => ({ isSheet: source.isSheet, grid: toGrid(source, top, left, rows) }));
  return {
    tables: grids.filter((g) => !g.isSheet).map((g) => g.grid),
    sheets: grids.filter((g) => g.isSheet).map((g) => trimBlankSheet(g.grid)),
  };
}

function toGrid(source: GridSource, top: number, left: number, rows: CellValue[][]): CellGrid {
  if (source.dropLastRow) rows.pop();
  if (source.columns) {
    // Header row hidden: the range starts at the data, the names live in the columns.
    const header: CellValue[] = source.columns.items.map((column) => column.name);
    return { name: source.name, sheet: source.sheet, top: top - 1, left, rows: [header, ...rows] };
  }
  return { name: source.name, sheet: source.sheet, top, left, rows };
}

/** A blank sheet's used range is its A1 cell; the engine should see no rows at all. */
function trimBlankSheet(grid: CellGrid): CellGrid {
  const blank = grid.rows.every((row) => row.every((cell) => cell === null));
  return blank ? { ...grid, rows: [] } : grid;
}
