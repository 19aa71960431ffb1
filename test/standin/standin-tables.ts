/** Excel tables (ListObjects): the workbook's, a sheet's, or those meeting a range. */
import { StandinCollection, StandinError, StandinObject, type Loadable } from "./standin-context";
import { intersect, RangeProxy, rectWithin } from "./standin-range";
import { liveSheet, WorksheetProxy } from "./standin-sheets";
import { cellKey, parseRect, rectAddress, splitAddress, type Rect, type StandinSheet, type StandinTable, type StandinWorkbook } from "./standin-workbook";

export type TableScope =
  | { readonly kind: "workbook" }
  | { readonly kind: "sheet"; readonly sheet: StandinSheet }
  | { readonly kind: "range"; readonly sheet: StandinSheet; readonly rect: Rect; readonly fullyContained: boolean };

export interface TableRef {
  readonly sheet: StandinSheet;
  readonly table: StandinTable;
}

function tableRect(table: StandinTable): Rect {
  const rect = parseRect(table.ref);
  if (!rect) throw new StandinError("GeneralException", `Table '${table.name}' has a bad ref '${table.ref}'.`);
  return rect;
}

function allTables(workbook: StandinWorkbook): TableRef[] {
  return workbook.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
}

function inScope(workbook: StandinWorkbook, scope: TableScope): TableRef[] {
  switch (scope.kind) {
    case "workbook":
      return allTables(workbook);
    case "sheet":
      return scope.sheet.tables.map((table) => ({ sheet: scope.sheet, table }));
    case "range":
      return scope.sheet.tables
        .filter((table) => {
          const rect = tableRect(table);
          const overlap = intersect(rect, scope.rect);
          if (!overlap) return false;
          return !scope.fullyContained || (overlap.rows === rect.rows && overlap.cols === rect.cols);
        })
        .map((table) => ({ sheet: scope.sheet, table }));
  }
}

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

function checkTableName(workbook: StandinWorkbook, name: string, except?: StandinTable): void {
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
  if (!TABLE_NAME.test(name) || looksLikeCell || name.length > 255) throw new StandinError("InvalidArgument", `'${name}' is not a valid table name.`);
  const taken =
    allTables(workbook).some(({ table }) => table !== except && table.name.toLowerCase() === name.toLowerCase()) ||
    workbook.names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (taken) throw new StandinError("InvalidArgument", `The name '${name}' is already used by a table or a defined name.`);
}

export class TableCollectionProxy extends StandinCollection<TableScope, TableProxy> {
  protected itemsOf(scope: TableScope): TableProxy[] {
    return inScope(this.context.host.workbook, scope).map((ref) => new TableProxy(this.context, () => ref));
  }

  /** A table over `address`; its first row becomes the header (blank headers get Column1...). */
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    return new TableProxy(this.context, () => {
      const host = this.context.host;
      const scope = this.target();
      const { sheet, rect: given } = resolveAddress(host.workbook, scope, address);
      if (!hasHeaders) throw new StandinError("NotImplemented", "The stand-in only adds tables with headers.");
      const rect = given.rows === 1 ? { ...given, rows: 2 } : given; // Excel keeps one data row
      host.journal.push({ op: "tables.add", sheet: sheet.name, address: rectAddress(rect) });
      for (const { table } of allTables(host.workbook).filter((t) => t.sheet === sheet)) {
        if (intersect(tableRect(table), rect)) throw new StandinError("InvalidArgument", "A table can't overlap another table.");
      }
      const seen = new Set<string>();
      for (let c = 0; c < rect.cols; c++) {
        const key = cellKey(rect.top, rect.left + c);
        const current = sheet.cells.get(key)?.value;
        const base = current === undefined ? `Column${c + 1}` : typeof current === "object" ? current.error : String(current);
        let header = base;
        for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${base}${n}`;
        seen.add(header.toLowerCase());
        // Excel keeps header cells as text.
        sheet.cells.set(key, { ...sheet.cells.get(key), value: header });
      }
      let name = "";
      do name = `Table${host.nextTableNumber++}`;
      while (allTables(host.workbook).some(({ table }) => table.name.toLowerCase() === name.toLowerCase()));
      const table: StandinTable = { name, ref: rectAddress(rect), showHeaders: true, showTotals: false };
      sheet.tables.push(table);
      return { sheet, table };
    });
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => {
      const found = inScope(this.context.host.workbook, this.target()).find(({ table }) => table.name.toLowerCase() === name.toLowerCase());
      if (!found) throw new StandinError("ItemNotFound", `The requested resource doesn't exist: table '${name}'.`);
      return found;
    });
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.context,
      () => inScope(this.context.host.workbook, this.target()).find(({ table }) => table.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
}

function resolveAddress(workbook: StandinWorkbook, scope: TableScope, address: RangeProxy | string): { sheet: StandinSheet; rect: Rect } {
  if (typeof address !== "string") return address.target();
  if (scope.kind !== "workbook") return { sheet: scope.sheet, rect: rectWithin(scope.sheet, address) };
  const { sheet: name } = splitAddress(address);
  const sheet = workbook.sheets.find((s) => s.name.toLowerCase() === name?.toLowerCase());
  if (!sheet) throw new StandinError("InvalidArgument", `'${address}' does not name a sheet.`);
  return { sheet, rect: rectWithin(sheet, address) };
}

export class TableProxy extends StandinObject<TableRef> {
  protected override check(ref: TableRef): void {
    liveSheet(this.context.host, ref.sheet);
    if (!ref.sheet.tables.includes(ref.table)) throw new StandinError("ItemNotFound", `The table '${ref.table.name}' no longer exists.`);
  }
  protected scalars(): Record<string, (ref: TableRef) => unknown> {
    return {
      name: (ref) => ref.table.name,
      id: (ref) => `{table:${ref.table.name}}`,
      showHeaders: (ref) => ref.table.showHeaders,
      showTotals: (ref) => ref.table.showTotals,
    };
  }
  protected override navs(): Record<string, () => Loadable> {
    return { worksheet: () => this.worksheet, columns: () => this.columns };
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.set("name", name, (ref, value) => {
      checkTableName(this.context.host.workbook, value, ref.table);
      ref.table.name = value;
    });
  }
  get showHeaders(): boolean {
    return this.get("showHeaders");
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  get worksheet(): WorksheetProxy {
    return this.memo("worksheet", () => new WorksheetProxy(this.context, () => this.target().sheet));
  }
  get columns(): TableColumnCollectionProxy {
    return this.memo("columns", () => new TableColumnCollectionProxy(this.context, () => this.target()));
  }
  private part(pick: (rect: Rect, table: StandinTable) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, () => {
      const ref = this.target();
      const rect = pick(tableRect(ref.table), ref.table);
      return rect ? { sheet: ref.sheet, rect } : null;
    });
  }
  getRange(): RangeProxy {
    return this.part((rect) => rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part((rect, table) => (table.showHeaders ? { ...rect, rows: 1 } : null));
  }
  getDataBodyRange(): RangeProxy {
    return this.part((rect, table) => {
      const top = rect.top + (table.showHeaders ? 1 : 0);
      const rows = rect.rows - (table.showHeaders ? 1 : 0) - (table.showTotals ? 1 : 0);
      return { ...rect, top, rows };
    });
  }
  getTotalRowRange(): RangeProxy {
    return this.part((rect, table) => (table.showTotals ? { ...rect, top: rect.top + rect.rows - 1, rows: 1 } : null));
  }
  delete(): void {
    this.call((ref) => {
      ref.sheet.tables.splice(ref.sheet.tables.indexOf(ref.table), 1);
    });
  }
}

interface ColumnRef {
  readonly name: string;
  readonly index: number;
}

/** Column names: the header cells, or the names kept for a table whose header row is hidden. */
function columnNames(ref: TableRef): string[] {
  const rect = tableRect(ref.table);
  if (!ref.table.showHeaders) return ref.table.columns ?? Array.from({ length: rect.cols }, (_, c) => `Column${c + 1}`);
  return Array.from({ length: rect.cols }, (_, c) => {
    const value = ref.sheet.cells.get(cellKey(rect.top, rect.left + c))?.value;
    return value === undefined ? "" : typeof value === "object" ? value.error : String(value);
  });
}

export class TableColumnCollectionProxy extends StandinCollection<TableRef, TableColumnProxy> {
  protected itemsOf(ref: TableRef): TableColumnProxy[] {
    return columnNames(ref).map((name, index) => new TableColumnProxy(this.context, () => ({ name, index })));
  }
}

export class TableColumnProxy extends StandinObject<ColumnRef> {
  protected scalars(): Record<string, (c: ColumnRef) => unknown> {
    return { name: (c) => c.name, index: (c) => c.index };
  }
  get name(): string {
    return this.get("name");
  }
  get index(): number {
    return this.get("index");
  }
}
