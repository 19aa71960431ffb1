/** A range's format (font, fill, widths) and its conditional formats. */
import { StandinObject, type Loadable, type StandinContextCore } from "./standin-context";
import { forEachCell, grid, intersect, updateCell, type RangeRef } from "./standin-range";
import { displayText } from "./standin-values";
import { parseRect, rectAddress, type StandinCell, type StandinConditionalFormat } from "./standin-workbook";

/** Sets one format field on every cell of the range. */
function formatCells(ref: RangeRef, field: "bold" | "fontColor" | "fill", value: unknown): void {
  forEachCell(ref.rect, (row, col) =>
    updateCell(ref.sheet, row, col, (cell) => {
      const next: StandinCell = { ...cell };
      if (value === undefined || value === null || value === false || value === "") delete next[field];
      else (next as Record<string, unknown>)[field] = value;
      return next;
    }),
  );
}

function sameOrNull<V>(ref: RangeRef, read: (cell: StandinCell | undefined) => V): V | null {
  const values = grid(ref, read).flat();
  const first = values[0] as V;
  return values.every((v) => v === first) ? first : null;
}

export class RangeFormatProxy extends StandinObject<RangeRef> {
  protected scalars(): Record<string, (ref: RangeRef) => unknown> {
    return { columnWidth: (ref) => ref.sheet.columnWidths[ref.rect.left] ?? 48 };
  }
  protected override navs(): Record<string, () => Loadable> {
    return { font: () => this.font, fill: () => this.fill };
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(width: number) {
    this.set("columnWidth", width, (ref, w) => {
      for (let c = 0; c < ref.rect.cols; c++) ref.sheet.columnWidths[ref.rect.left + c] = w;
    });
  }
  get font(): FontProxy {
    return this.memo("font", () => new FontProxy(this.context, () => this.target()));
  }
  get fill(): FillProxy {
    return this.memo("fill", () => new FillProxy(this.context, () => this.target()));
  }
  /** Widths from the longest text in each column of the range (about 7 points a character). */
  autofitColumns(): void {
    this.call(({ sheet, rect }) => {
      const longest = new Array<number>(rect.cols).fill(0);
      for (const [key, cell] of sheet.cells) {
        const [row = 0, col = 0] = key.split(",").map(Number);
        const c = col - rect.left;
        if (c >= 0 && c < rect.cols && row >= rect.top && row < rect.top + rect.rows) longest[c] = Math.max(longest[c] ?? 0, displayText(cell).length);
      }
      longest.forEach((chars, c) => {
        sheet.columnWidths[rect.left + c] = Math.max(20, chars * 7 + 10);
      });
    });
  }
  autofitRows(): void {
    this.call(() => undefined);
  }
}

export class FontProxy extends StandinObject<RangeRef> {
  protected scalars(): Record<string, (ref: RangeRef) => unknown> {
    return { bold: (ref) => sameOrNull(ref, (cell) => cell?.bold === true), color: (ref) => sameOrNull(ref, (cell) => cell?.fontColor ?? "#000000") };
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(bold: boolean) {
    this.set("bold", bold, (ref, value) => formatCells(ref, "bold", value));
  }
  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.set("color", color, (ref, value) => formatCells(ref, "fontColor", value));
  }
}

export class FillProxy extends StandinObject<RangeRef> {
  protected scalars(): Record<string, (ref: RangeRef) => unknown> {
    return { color: (ref) => sameOrNull(ref, (cell) => cell?.fill ?? "#FFFFFF") };
  }
  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.set("color", color, (ref, value) => formatCells(ref, "fill", value));
  }
  clear(): void {
    this.call((ref) => formatCells(ref, "fill", undefined));
  }
}

export class ConditionalFormatCollectionProxy extends StandinObject<RangeRef> {
  protected scalars(): Record<string, (ref: RangeRef) => unknown> {
    return {};
  }
  add(type: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      const { sheet, rect } = this.target();
      const record: StandinConditionalFormat = { range: rectAddress(rect), type, rule: {}, format: {} };
      sheet.conditionalFormats.push(record);
      return record;
    });
  }
  clearAll(): void {
    this.call(({ sheet, rect }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => {
        const other = parseRect(f.range);
        return !other || !intersect(other, rect);
      });
    });
  }
}

export class ConditionalFormatProxy extends StandinObject<StandinConditionalFormat> {
  protected scalars(): Record<string, (f: StandinConditionalFormat) => unknown> {
    return { type: (f) => f.type };
  }
  private rule(name: string): ConditionalRuleProxy {
    return this.memo(name, () => new ConditionalRuleProxy(this.context, () => this.target()));
  }
  get cellValue(): ConditionalRuleProxy {
    return this.rule("cellValue");
  }
  get custom(): ConditionalRuleProxy {
    return this.rule("custom");
  }
  get textComparison(): ConditionalRuleProxy {
    return this.rule("textComparison");
  }
}

/** The `cellValue` / `custom` / `textComparison` part of a conditional format. */
export class ConditionalRuleProxy extends StandinObject<StandinConditionalFormat> {
  protected scalars(): Record<string, (f: StandinConditionalFormat) => unknown> {
    return { rule: (f) => ({ ...f.rule }) };
  }
  get rule(): Record<string, string> {
    return this.get("rule");
  }
  set rule(rule: Record<string, string>) {
    this.set("rule", rule, (f, value) => {
      f.rule = { ...value };
    });
  }
  get format(): ConditionalRangeFormatProxy {
    return this.memo("format", () => new ConditionalRangeFormatProxy(this.context, () => this.target()));
  }
}

export class ConditionalRangeFormatProxy extends StandinObject<StandinConditionalFormat> {
  protected scalars(): Record<string, (f: StandinConditionalFormat) => unknown> {
    return {};
  }
  get fill(): ConditionalColorProxy {
    return this.memo("fill", () => new ConditionalColorProxy(this.context, () => this.target(), "fill"));
  }
  get font(): ConditionalColorProxy {
    return this.memo("font", () => new ConditionalColorProxy(this.context, () => this.target(), "fontColor"));
  }
}

export class ConditionalColorProxy extends StandinObject<StandinConditionalFormat> {
  constructor(
    context: StandinContextCore,
    resolve: () => StandinConditionalFormat | null,
    private readonly field: "fill" | "fontColor",
  ) {
    super(context, resolve);
  }
  protected scalars(): Record<string, (f: StandinConditionalFormat) => unknown> {
    return { color: (f) => f.format[this.field] ?? null };
  }
  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.set("color", color, (f, value) => {
      f.format[this.field] = value;
    });
  }
  set bold(bold: boolean) {
    this.set("bold", bold, (f, value) => {
      f.format.bold = value;
    });
  }
}
