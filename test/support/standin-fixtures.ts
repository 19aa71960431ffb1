/**
 * Stand-in hosts for adapter tests: the bundled sample workbook, or small models built
 * from grids, with the adapter wired to the host's `Excel.run`.
 */
import * as path from "node:path";
import type { CellValue } from "../../src/engine";
import { createOfficeWorkbook, type OfficeWorkbookOptions } from "../../src/io/office";
import type { ModelWorkbook } from "../../src/io/ports";
import { createStandinHost, type StandinHost, type StandinHostOptions } from "../standin/excel-standin";
import { loadStandinWorkbook } from "../standin/load-standin-workbook";
import {
  cellKey,
  createSheet,
  fromJSON,
  rectAddress,
  toJSON,
  type StandinCell,
  type StandinSheetJson,
  type StandinWorkbook,
  type StandinWorkbookJson,
} from "../standin/standin-workbook";

export const SAMPLE_XLSX = path.join(__dirname, "..", "..", "examples", "appendix-a-sample.xlsx");

let sampleJson: StandinWorkbookJson | undefined;

/** A fresh copy of examples/appendix-a-sample.xlsx as a stand-in workbook. */
export async function sampleWorkbook(): Promise<StandinWorkbook> {
  sampleJson ??= toJSON(await loadStandinWorkbook(SAMPLE_XLSX));
  return fromJSON(sampleJson);
}

export interface Rig {
  readonly host: StandinHost;
  readonly workbook: ModelWorkbook;
}

export function rig(standin: StandinWorkbook, options: { host?: StandinHostOptions; adapter?: OfficeWorkbookOptions } = {}): Rig {
  const host = createStandinHost(standin, options.host);
  const run = host.Excel.run as unknown as <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  return { host, workbook: createOfficeWorkbook(run, options.adapter) };
}

/** One sheet per table, each an Excel table at A1 named after it. */
export function workbookOfTables(tables: Record<string, readonly (readonly CellValue[])[]>, extraSheets: string[] = []): StandinWorkbook {
  const sheets = Object.entries(tables).map(([name, rows]) => {
    const cells = new Map<string, StandinCell>();
    const width = Math.max(...rows.map((r) => r.length));
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && typeof value === "object" && "formula" in value) throw new Error("the stand-in holds computed values only, not uncalculated formulas");
        if (value !== null) cells.set(cellKey(r, c), { value: typeof value === "object" ? { error: value.error } : value });
      }),
    );
    const ref = rectAddress({ top: 0, left: 0, rows: Math.max(rows.length, 2), cols: width });
    return createSheet(name, { cells, tables: [{ name, ref, showHeaders: true, showTotals: false }] });
  });
  sheets.push(...extraSheets.map((name) => createSheet(name)));
  const first = sheets[0];
  if (!first) throw new Error("no sheets");
  return { sheets, names: [], selection: { sheetId: first.id, address: "A1" } };
}

/** The JSON of the named sheets (cells with formats, tables, frozen rows, marks...). */
export function sheetSnapshot(standin: StandinWorkbook, names: readonly string[]): StandinSheetJson[] {
  return toJSON(standin).sheets.filter((s) => names.includes(s.name));
}

/** A sheet's rows from `top`, as the values Office.js would report ("" for blank). */
export function sheetRows(standin: StandinWorkbook, sheet: string, top: number, rows: number, cols: number): unknown[][] {
  const found = standin.sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const value = found.cells.get(cellKey(top + r, c))?.value;
      return value === undefined ? "" : value;
    }),
  );
}
