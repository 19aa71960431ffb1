/** Workbook, worksheets and the things hanging off a worksheet. */
import { StandinCollection, StandinError, StandinObject, type HostState, type Loadable, type RuntimeState } from "./standin-context";
import { EventHandlersProxy } from "./standin-events";
import { CustomPropertyCollectionProxy, FreezePanesProxy, NamedItemCollectionProxy } from "./standin-sheet-parts";
import { RangeProxy, rectWithin } from "./standin-range";
import { TableCollectionProxy } from "./standin-tables";
import { createSheet, MAX_COLUMNS, MAX_ROWS, parseCellKey, parseRect, type Rect, type StandinSheet, type StandinWorkbook } from "./standin-workbook";

/** The sheet, if it is still in the workbook; a deleted sheet's proxies fail like Excel's. */
export function liveSheet(host: HostState, sheet: StandinSheet): StandinSheet {
  if (!host.workbook.sheets.includes(sheet)) throw new StandinError("ItemNotFound", `The worksheet '${sheet.name}' no longer exists.`);
  return sheet;
}

const INVALID_SHEET_NAME = /[:\\/?*[\]]/;

function checkSheetName(workbook: StandinWorkbook, name: string, except?: StandinSheet): void {
  if (name.trim() === "" || name.length > 31 || INVALID_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new StandinError("InvalidArgument", `'${name}' is not a valid sheet name.`);
  }
  if (workbook.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
    throw new StandinError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
  }
}

function findSheet(workbook: StandinWorkbook, key: string): StandinSheet | undefined {
  return workbook.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
}

export class WorkbookProxy extends StandinObject<StandinWorkbook> {
  protected scalars(): Record<string, (w: StandinWorkbook) => unknown> {
    return {};
  }
  protected override navs(): Record<string, () => Loadable> {
    return { worksheets: () => this.worksheets, tables: () => this.tables, names: () => this.names, application: () => this.application };
  }
  get application(): ApplicationProxy {
    return this.memo("application", () => new ApplicationProxy(this.context, () => this.target()));
  }
  get worksheets(): WorksheetCollectionProxy {
    return this.memo("worksheets", () => new WorksheetCollectionProxy(this.context, () => this.target()));
  }
  get tables(): TableCollectionProxy {
    return this.memo("tables", () => new TableCollectionProxy(this.context, () => ({ kind: "workbook" })));
  }
  get names(): NamedItemCollectionProxy {
    return this.memo("names", () => new NamedItemCollectionProxy(this.context, () => this.target()));
  }
  get onSelectionChanged(): EventHandlersProxy {
    return new EventHandlersProxy(this.context, "SelectionChanged", () => undefined);
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = selection(this.target());
      return { sheet, rect };
    });
  }
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = selection(this.target());
      return { sheet, rect: { top: rect.top, left: rect.left, rows: 1, cols: 1 } };
    });
  }
}

function selection(workbook: StandinWorkbook): { sheet: StandinSheet; rect: Rect } {
  const sheet = workbook.sheets.find((s) => s.id === workbook.selection.sheetId) ?? workbook.sheets[0];
  if (!sheet) throw new StandinError("GeneralException", "The workbook has no sheets.");
  return { sheet, rect: parseRect(workbook.selection.address) ?? { top: 0, left: 0, rows: 1, cols: 1 } };
}

/** `workbook.application`: the calculation mode, and calculate(). */
export class ApplicationProxy extends StandinObject<StandinWorkbook> {
  protected scalars(): Record<string, (w: StandinWorkbook) => unknown> {
    return { calculationMode: (w) => w.calculationMode ?? "Automatic" };
  }
  get calculationMode(): string {
    return this.get("calculationMode");
  }
  calculate(calculationType: string): void {
    if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType)) throw new StandinError("InvalidArgument", `calculate: unknown calculationType ${calculationType}`);
    this.call((w) => {
      w.calculations = (w.calculations ?? 0) + 1;
    });
  }
}

export class RuntimeProxy extends StandinObject<RuntimeState> {
  protected scalars(): Record<string, (r: RuntimeState) => unknown> {
    return { enableEvents: (r) => r.enableEvents };
  }
  get enableEvents(): boolean {
    return this.get("enableEvents");
  }
  set enableEvents(on: boolean) {
    this.set("enableEvents", on, (runtime, value) => {
      runtime.enableEvents = value;
    });
  }
}

export class WorksheetCollectionProxy extends StandinCollection<StandinWorkbook, WorksheetProxy> {
  protected itemsOf(workbook: StandinWorkbook): WorksheetProxy[] {
    return workbook.sheets.map((sheet) => new WorksheetProxy(this.context, () => sheet));
  }
  get onChanged(): EventHandlersProxy {
    return new EventHandlersProxy(this.context, "WorksheetChanged", () => undefined);
  }
  get onSelectionChanged(): EventHandlersProxy {
    return new EventHandlersProxy(this.context, "WorksheetSelectionChanged", () => undefined);
  }
  add(name?: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const workbook = this.target();
      let chosen = name;
      for (let n = workbook.sheets.length + 1; chosen === undefined; n++) {
        if (!findSheet(workbook, `Sheet${n}`)) chosen = `Sheet${n}`;
      }
      checkSheetName(workbook, chosen);
      const sheet = createSheet(chosen);
      workbook.sheets.push(sheet);
      return sheet;
    });
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const sheet = findSheet(this.target(), key);
      if (!sheet) throw new StandinError("ItemNotFound", `The requested resource doesn't exist: worksheet '${key}'.`);
      return sheet;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => findSheet(this.target(), key) ?? null);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => selection(this.target()).sheet);
  }
}

export class WorksheetProxy extends StandinObject<StandinSheet> {
  protected override check(sheet: StandinSheet): void {
    liveSheet(this.context.host, sheet);
  }
  protected scalars(): Record<string, (s: StandinSheet) => unknown> {
    return {
      name: (s) => s.name,
      id: (s) => s.id,
      position: (s) => this.context.host.workbook.sheets.indexOf(s),
      visibility: (s) => s.visibility,
    };
  }
  protected override navs(): Record<string, () => Loadable> {
    return { tables: () => this.tables, customProperties: () => this.customProperties, freezePanes: () => this.freezePanes };
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.set("name", name, (sheet, value) => {
      checkSheetName(this.context.host.workbook, value, sheet);
      sheet.name = value;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  set position(position: number) {
    this.set("position", position, (sheet, value) => {
      const sheets = this.context.host.workbook.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) throw new StandinError("InvalidArgument", `Position ${value} is out of range.`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  /** As Excel: a workbook keeps at least one visible sheet. */
  set visibility(visibility: string) {
    this.set("visibility", visibility, (sheet, value) => {
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") throw new StandinError("InvalidArgument", `Visibility '${String(value)}' is not valid.`);
      const workbook = this.context.host.workbook;
      if (value !== "Visible" && workbook.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
        throw new StandinError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      sheet.visibility = value;
    });
  }
  get tables(): TableCollectionProxy {
    return this.memo("tables", () => new TableCollectionProxy(this.context, () => ({ kind: "sheet", sheet: this.target() })));
  }
  get customProperties(): CustomPropertyCollectionProxy {
    return this.memo("customProperties", () => new CustomPropertyCollectionProxy(this.context, () => this.target()));
  }
  get freezePanes(): FreezePanesProxy {
    return this.memo("freezePanes", () => new FreezePanesProxy(this.context, () => this.target()));
  }
  get onChanged(): EventHandlersProxy {
    return new EventHandlersProxy(this.context, "WorksheetChanged", () => this.target().id);
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      return { sheet, rect: address === undefined ? { top: 0, left: 0, rows: MAX_ROWS, cols: MAX_COLUMNS } : rectWithin(sheet, address) };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const rect = { top: startRow, left: startColumn, rows: rowCount, cols: columnCount };
      const ok = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) && startRow >= 0 && startColumn >= 0 && rowCount >= 1 && columnCount >= 1;
      if (!ok || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
        throw new StandinError("InvalidArgument", `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is outside the sheet.`);
      }
      return { sheet: this.target(), rect };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  /** Cells with a value (or, unless `valuesOnly`, any format); a blank sheet gives A1. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      return { sheet, rect: usedRect(sheet, valuesOnly) ?? { top: 0, left: 0, rows: 1, cols: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      const rect = usedRect(sheet, valuesOnly);
      return rect ? { sheet, rect } : null;
    });
  }
  activate(): void {
    this.call((sheet) => {
      const workbook = this.context.host.workbook;
      if (workbook.selection.sheetId !== sheet.id) workbook.selection = { sheetId: sheet.id, address: "A1" };
    });
  }
  delete(): void {
    this.call((sheet) => {
      const workbook = this.context.host.workbook;
      if (workbook.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
        throw new StandinError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1);
      if (workbook.selection.sheetId === sheet.id) {
        const next = workbook.sheets.find((s) => s.visibility === "Visible");
        if (next) workbook.selection = { sheetId: next.id, address: "A1" };
      }
    });
  }
}

function usedRect(sheet: StandinSheet, valuesOnly: boolean): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.value === undefined) continue;
    const { row, col } = parseCellKey(key);
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  return bottom < 0 ? undefined : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}
