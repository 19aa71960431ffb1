/**
 * office-addin-mock contexts for the Office.js adapter's read paths. office-addin-mock 4
 * has no collections (`items` arrays cannot be loaded through "items/name" paths) and no
 * methods beyond load/sync, so:
 * - each collection is seeded with its own `load`, which records the paths the adapter
 *   asked for and loads `items` whole;
 * - ranges returned by methods (`table.getRange()`...) are mock objects seeded under the
 *   context's `ranges` key, so that `context.sync()` (which walks the mock tree) syncs them;
 * - `sync()` is wrapped to count calls.
 * Values read before load + sync stay the mock's error strings, so a missing load shows.
 */
import { OfficeMockObject } from "./office-addin-mock";

export interface MockRangeSeed {
  readonly values: unknown[][];
  readonly valueTypes: string[][];
  readonly rowIndex: number;
  readonly columnIndex: number;
}

export interface MockTableSeed {
  readonly name: string;
  readonly sheet: string;
  readonly range: MockRangeSeed;
  readonly showHeaders?: boolean;
  readonly showTotals?: boolean;
  /** Column names, for a table whose header row is hidden. */
  readonly columns?: readonly string[];
}

export interface MockSheetSeed {
  readonly name: string;
  /** The range A1..last used cell, what `getRange("A1").getBoundingRect(getUsedRange(true))` gives. */
  readonly fromA1?: MockRangeSeed;
}

export interface MockExcel {
  /** The mock request context (cast for the adapter). */
  readonly context: Excel.RequestContext;
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  syncCount(): number;
  /** Load arguments given to each collection and range, e.g. { tables: ["items/name, ..."], "table:Phases": [...] }. */
  readonly loads: Record<string, string[]>;
  /** Seed keys of the ranges the adapter asked for through methods. */
  readonly rangesRequested: string[];
  /** Calls to methods that act (activate, select), in order. */
  readonly calls: string[];
}

type AnyMock = OfficeMockObject & Record<string, any>;

export function mockExcel(seed: { tables?: readonly MockTableSeed[]; sheets?: readonly MockSheetSeed[] }): MockExcel {
  const tables = seed.tables ?? [];
  const sheets = seed.sheets ?? [];
  const loads: Record<string, string[]> = {};
  const rangesRequested: string[] = [];
  const calls: string[] = [];
  let mock: AnyMock | undefined;
  const root = (): AnyMock => mock as AnyMock;
  const range = (key: string): AnyMock => {
    rangesRequested.push(key);
    return root().ranges[key] as AnyMock;
  };
  const recordingLoad = (name: string) =>
    function (this: OfficeMockObject, option: unknown): OfficeMockObject {
      (loads[name] ??= []).push(typeof option === "string" ? option : JSON.stringify(option));
      OfficeMockObject.prototype.load.call(this, "items");
      return this;
    };

  const recordingRangeLoad = (name: string) =>
    function (this: OfficeMockObject, option: string | string[]): OfficeMockObject {
      (loads[name] ??= []).push(String(option));
      OfficeMockObject.prototype.load.call(this, option);
      return this;
    };
  const ranges: Record<string, object> = {};
  tables.forEach((t) => (ranges[`table:${t.name}`] = { ...t.range, load: recordingRangeLoad(`table:${t.name}`) }));
  sheets.forEach((s) => {
    if (s.fromA1) ranges[`sheet:${s.name}`] = { ...s.fromA1, load: recordingRangeLoad(`sheet:${s.name}`) };
  });
  const columnCollections: Record<string, object> = {};
  tables.forEach((t) => {
    if (t.columns) columnCollections[t.name] = { items: t.columns.map((name) => ({ name })), load: recordingLoad(`columns:${t.name}`) };
  });

  const data = {
    workbook: {
      tables: {
        items: tables.map((t) => ({
          name: t.name,
          showHeaders: t.showHeaders ?? true,
          showTotals: t.showTotals ?? false,
          worksheet: { name: t.sheet },
          getRange: () => range(`table:${t.name}`),
          get columns() {
            return root().columns[t.name];
          },
        })),
        load: recordingLoad("tables"),
      },
      worksheets: {
        items: sheets.map((s) => ({
          name: s.name,
          getUsedRange: (valuesOnly: boolean) => ({ usedRangeOf: s.name, valuesOnly }),
          getRange: (address: string) => ({
            getBoundingRect: (used: { usedRangeOf?: string; valuesOnly?: boolean }) => {
              if (address !== "A1" || used.usedRangeOf !== s.name || used.valuesOnly !== true) {
                throw new Error(`mock: expected A1 bounded by ${s.name}'s used range of values`);
              }
              return range(`sheet:${s.name}`);
            },
          }),
          activate: () => calls.push(`activate ${s.name}`),
          getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => ({
            select: () => calls.push(`select ${s.name} ${row},${col},${rows},${cols}`),
          }),
        })),
        load: recordingLoad("worksheets"),
        getItem: (name: string) => sheetByName(name),
      },
    },
    ranges,
    columns: columnCollections,
  };

  // getItem works without a load in Office.js, so it reads the seed directly.
  const sheetByName = (name: string): object => {
    const found = data.workbook.worksheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`mock: no worksheet '${name}'`);
    return found;
  };

  mock = new OfficeMockObject(data) as AnyMock;
  let syncs = 0;
  const sync = mock.sync.bind(mock);
  mock.sync = async () => {
    syncs++;
    await sync();
    // office-addin-mock settles nested properties a few microtasks after sync() resolves.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  const context = mock as unknown as Excel.RequestContext;
  return {
    context,
    run: (batch) => batch(context),
    syncCount: () => syncs,
    loads,
    rangesRequested,
    calls,
  };
}
