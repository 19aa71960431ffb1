/** Range: cells, addresses, derived ranges, selection. */
import { StandinError, StandinObject, type Loadable, type StandinContextCore } from "./standin-context";
import { ConditionalFormatCollectionProxy, RangeFormatProxy } from "./standin-formats";
import { apiValue, apiValueType, displayText, enterValue, FormulaNotSupported } from "./standin-values";
import {
  cellKey,
  MAX_COLUMNS,
  MAX_ROWS,
  parseRect,
  rectAddress,
  sheetPrefix,
  splitAddress,
  type Rect,
  type StandinCell,
  type StandinSheet,
} from "./standin-workbook";
import { liveSheet, WorksheetProxy } from "./standin-sheets";
import { TableCollectionProxy } from "./standin-tables";

export interface RangeRef {
  readonly sheet: StandinSheet;
  readonly rect: Rect;
}

/** Cells beyond this count in one property write are refused (the stand-in is in memory). */
const MAX_CELLS_PER_WRITE = 5_000_000;

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.top + a.rows, b.top + b.rows);
  const right = Math.min(a.left + a.cols, b.left + b.cols);
  return bottom > top && right > left ? { top, left, rows: bottom - top, cols: right - left } : undefined;
}

export function rectWithin(sheet: StandinSheet, address: string): Rect {
  const { sheet: named, range } = splitAddress(address);
  if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new StandinError("InvalidArgument", `The address '${address}' is not on sheet '${sheet.name}'.`);
  }
  const rect = parseRect(range);
  if (!rect) throw new StandinError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: '${address}'.`);
  return rect;
}

function checkRect(top: number, left: number, rows: number, cols: number): Rect {
  if (![top, left, rows, cols].every(Number.isInteger) || top < 0 || left < 0 || rows < 1 || cols < 1 || top + rows > MAX_ROWS || left + cols > MAX_COLUMNS) {
    throw new StandinError("InvalidArgument", `The range (${top}, ${left}, ${rows}, ${cols}) is outside the sheet.`);
  }
  return { top, left, rows, cols };
}

export function forEachCell(rect: Rect, visit: (row: number, col: number) => void): void {
  if (rect.rows * rect.cols > MAX_CELLS_PER_WRITE) throw new StandinError("InvalidArgument", "The stand-in does not format whole sheets.");
  for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) visit(rect.top + r, rect.left + c);
}

export function grid<V>(ref: RangeRef, read: (cell: StandinCell | undefined) => V): V[][] {
  const { sheet, rect } = ref;
  return Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (_, c) => read(sheet.cells.get(cellKey(rect.top + r, rect.left + c)))));
}

export function updateCell(sheet: StandinSheet, row: number, col: number, change: (cell: StandinCell | undefined) => StandinCell | undefined): void {
  const key = cellKey(row, col);
  const next = change(sheet.cells.get(key));
  if (next === undefined || Object.keys(next).length === 0) sheet.cells.delete(key);
  else sheet.cells.set(key, next);
}

/** Writes a 2-D array (or one value for every cell, as Office.js allows) cell by cell. */
function writeGrid(ref: RangeRef, input: unknown, name: string, put: (row: number, col: number, value: unknown) => void): void {
  const { rect } = ref;
  if (!Array.isArray(input)) {
    forEachCell(rect, (row, col) => put(row, col, input));
    return;
  }
  const rowsOk = input.length === rect.rows && input.every((row) => Array.isArray(row) && row.length === rect.cols);
  if (!rowsOk) {
    throw new StandinError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}: ${rect.rows}x${rect.cols} expected).`,
    );
  }
  (input as unknown[][]).forEach((row, r) => row.forEach((value, c) => put(rect.top + r, rect.left + c, value)));
}

export class RangeProxy extends StandinObject<RangeRef> {
  constructor(context: StandinContextCore, resolve: () => RangeRef | null) {
    super(context, resolve);
  }

  protected override check(ref: RangeRef): void {
    liveSheet(this.context.host, ref.sheet);
  }

  protected scalars(): Record<string, (ref: RangeRef) => unknown> {
    return {
      address: (ref) => `${sheetPrefix(ref.sheet.name)}!${rectAddress(ref.rect)}`,
      addressLocal: (ref) => `${sheetPrefix(ref.sheet.name)}!${rectAddress(ref.rect)}`,
      values: (ref) => grid(ref, apiValue),
      valueTypes: (ref) => grid(ref, apiValueType),
      text: (ref) => grid(ref, displayText),
      numberFormat: (ref) => grid(ref, (cell) => cell?.numberFormat ?? "General"),
      rowIndex: (ref) => ref.rect.top,
      columnIndex: (ref) => ref.rect.left,
      rowCount: (ref) => ref.rect.rows,
      columnCount: (ref) => ref.rect.cols,
      cellCount: (ref) => ref.rect.rows * ref.rect.cols,
    };
  }

  protected override navs(): Record<string, () => Loadable> {
    return { worksheet: () => this.worksheet, format: () => this.format, conditionalFormats: () => this.conditionalFormats };
  }

  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(values: unknown[][]) {
    this.set("values", values, (ref, input) => {
      this.context.host.journal.push({ op: "values", sheet: ref.sheet.name, address: rectAddress(ref.rect) });
      writeGrid(ref, input, "values", (row, col, value) => {
        // As in Excel: null in a values array leaves that cell as it is ("" clears it).
        if (value === null) return;
        try {
          updateCell(ref.sheet, row, col, (cell) => enterValue(cell, value));
        } catch (error) {
          throw new StandinError("InvalidArgument", error instanceof FormulaNotSupported || error instanceof TypeError ? error.message : String(error));
        }
      });
      this.context.raise(
        { kind: "WorksheetChanged", args: { type: "WorksheetChanged", worksheetId: ref.sheet.id, address: rectAddress(ref.rect), changeType: "RangeEdited", source: "Local" } },
        ref.sheet.id,
      );
    });
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(formats: string[][]) {
    this.set("numberFormat", formats, (ref, input) => {
      writeGrid(ref, input, "numberFormat", (row, col, format) => {
        updateCell(ref.sheet, row, col, (cell) => {
          const next = { ...cell };
          if (typeof format !== "string" || format === "" || format === "General") delete next.numberFormat;
          else next.numberFormat = format;
          return next;
        });
      });
    });
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }

  get worksheet(): WorksheetProxy {
    return this.memo("worksheet", () => new WorksheetProxy(this.context, () => this.target().sheet));
  }
  get format(): RangeFormatProxy {
    return this.memo("format", () => new RangeFormatProxy(this.context, () => this.target()));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.memo("conditionalFormats", () => new ConditionalFormatCollectionProxy(this.context, () => this.target()));
  }

  private derived(make: (ref: RangeRef) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, () => {
      const ref = this.target();
      const rect = make(ref);
      return rect ? { sheet: ref.sheet, rect } : null;
    });
  }

  private other(ref: RangeRef, other: RangeProxy | string): Rect {
    if (typeof other === "string") return rectWithin(ref.sheet, other);
    const target = other.target();
    if (target.sheet !== ref.sheet) throw new StandinError("InvalidArgument", "The ranges are on different sheets.");
    return target.rect;
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived(({ rect }) => checkRect(rect.top + row, rect.left + column, 1, 1));
  }
  getRow(row: number): RangeProxy {
    return this.derived(({ rect }) => checkRect(rect.top + row, rect.left, 1, rect.cols));
  }
  getColumn(column: number): RangeProxy {
    return this.derived(({ rect }) => checkRect(rect.top, rect.left + column, rect.rows, 1));
  }
  getEntireRow(): RangeProxy {
    return this.derived(({ rect }) => ({ top: rect.top, left: 0, rows: rect.rows, cols: MAX_COLUMNS }));
  }
  getEntireColumn(): RangeProxy {
    return this.derived(({ rect }) => ({ top: 0, left: rect.left, rows: MAX_ROWS, cols: rect.cols }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(({ rect }) => checkRect(rect.top, rect.left, rect.rows + deltaRows, rect.cols + deltaColumns));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived(({ rect }) => checkRect(rect.top + rowOffset, rect.left + columnOffset, rect.rows, rect.cols));
  }
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this.derived((ref) => {
      const b = this.other(ref, other);
      const a = ref.rect;
      const top = Math.min(a.top, b.top);
      const left = Math.min(a.left, b.left);
      return { top, left, rows: Math.max(a.top + a.rows, b.top + b.rows) - top, cols: Math.max(a.left + a.cols, b.left + b.cols) - left };
    });
  }
  getIntersection(other: RangeProxy | string): RangeProxy {
    return this.derived((ref) => {
      const rect = intersect(ref.rect, this.other(ref, other));
      if (!rect) throw new StandinError("ItemNotFound", "The ranges do not intersect.");
      return rect;
    });
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this.derived((ref) => intersect(ref.rect, this.other(ref, other)) ?? null);
  }
  getTables(fullyContained = false): TableCollectionProxy {
    return new TableCollectionProxy(this.context, () => {
      const ref = this.target();
      return { kind: "range", sheet: ref.sheet, rect: ref.rect, fullyContained };
    });
  }

  select(): void {
    this.call((ref) => {
      const host = this.context.host;
      host.workbook.selection = { sheetId: ref.sheet.id, address: rectAddress(ref.rect) };
      this.context.raise({ kind: "SelectionChanged", args: { type: "SelectionChanged" } });
      this.context.raise({ kind: "WorksheetSelectionChanged", args: { type: "WorksheetSelectionChanged", worksheetId: ref.sheet.id, address: rectAddress(ref.rect) } });
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.call(({ sheet, rect }) => {
      for (const key of [...sheet.cells.keys()]) {
        const [row = 0, col = 0] = key.split(",").map(Number);
        if (!intersect(rect, { top: row, left: col, rows: 1, cols: 1 })) continue;
        updateCell(sheet, row, col, (cell) => {
          if (applyTo === "All") return undefined;
          if (applyTo === "Contents") {
            const next = { ...cell };
            delete next.value;
            return next;
          }
          return cell?.value === undefined ? undefined : { value: cell.value };
        });
      }
    });
  }
}
