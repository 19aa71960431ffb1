import type { CellValue } from "../../engine/model/grid";
import { decodeRange, type CellRange } from "./decode-range";
import { sheetCellValue, type CellContext, type RawCell } from "./sheet-cell-value";
import { StringItemText } from "./parse-shared-strings";
import { shiftFormula } from "./shift-formula";
import { attribute, createXmlStream, type XmlAttributes } from "./xml-events";

/** The cells kept from one sheet: by 0-based row, then column. */
export interface SheetCells {
  /** A cell's value; null when blank, absent, outside what was kept, or covered by a merge. */
  get(row: number, column: number): CellValue;
  /** From A1 to the last cell holding a value or formula; undefined when none. */
  readonly usedRange: CellRange | undefined;
}

/** Which cells to keep: those inside `ranges`, or every cell when `whole`. */
export interface SheetWants {
  readonly ranges: readonly CellRange[];
  readonly whole: boolean;
}

/**
 * Reads a worksheet part as it streams in, keeping only the cells asked for. Only the
 * top-left cell of a merge keeps its value (as Office.js reports merged cells).
 * @example await readSheetPart((on) => pkg.streamText("xl/worksheets/sheet1.xml", on), { ranges: [], whole: true }, ctx)
 */
export async function readSheetPart(stream: (onText: (chunk: string) => void) => Promise<void>, wants: SheetWants, ctx: CellContext): Promise<SheetCells> {
  const collector = new SheetCollector(wants, ctx);
  const xml = createXmlStream(collector);
  await stream((chunk) => xml.write(chunk));
  xml.end();
  return collector.result();
}

/**
 * A faster scan of a whole worksheet part (the CLI's native one, src/cli/native-addon.ts):
 * six figures per cell holding a `<v>` — row, column (0-based), style, type code
 * (SHEET_CELL_TYPES), and the start and end of the `<v>` text in `part` (ASCII) — read
 * exactly as `readSheetPart` reads that cell; or null when the part holds anything it
 * leaves to `readSheetPart` (formulas, inline strings, merges, entities, …).
 */
export type SheetCellScanner = (part: Uint8Array) => Int32Array | null;

/** The `t` of a cell by a SheetCellScanner's type code (0: no `t`). */
export const SHEET_CELL_TYPES: readonly (string | undefined)[] = [undefined, "s", "str", "inlineStr", "b", "e", "d", "n"];

/** The cells kept from a part a SheetCellScanner read (its `records`), as `readSheetPart` keeps them. */
export function sheetCellsOfRecords(part: Buffer, records: Int32Array, wants: SheetWants, ctx: CellContext): SheetCells {
  const collector = new SheetCollector(wants, ctx);
  // One byte, one character: the scanner's byte offsets are offsets in this text, and its
  // values are ASCII. One decode instead of one per cell (~1 µs each, cold).
  const text = part.toString("latin1");
  for (let k = 0; k + 5 < records.length; k += 6) {
    const type = SHEET_CELL_TYPES[records[k + 3] as number];
    const value = text.slice(records[k + 4], records[k + 5]);
    collector.place(records[k] as number, records[k + 1] as number, { type, style: records[k + 2] as number, value, formula: undefined, inline: undefined });
  }
  return collector.result();
}

interface SharedFormula {
  readonly text: string;
  readonly row: number;
  readonly column: number;
}

class SheetCollector {
  private readonly rows = new Map<number, Map<number, CellValue>>();
  private readonly merges: CellRange[] = [];
  private readonly shared = new Map<string, SharedFormula>();
  private row = -1;
  private column = -1;
  private inCell = false;
  private cell: RawCell = { type: undefined, style: 0, value: undefined, formula: undefined, inline: undefined };
  private sharedIndex: string | undefined;
  private isSharedMaster = false;
  private reading: "v" | "f" | undefined;
  private inInline = false;
  private readonly inline = new StringItemText();

  constructor(
    private readonly wants: SheetWants,
    private readonly ctx: CellContext,
  ) {}

  open = (name: string, attrs: XmlAttributes): void => {
    if (this.inCell) {
      if (name === "v") {
        this.reading = "v";
        this.cell.value = "";
      } else if (name === "f") {
        this.reading = "f";
        this.cell.formula = "";
        const shared = attribute(attrs, "t") === "shared";
        this.sharedIndex = shared ? attribute(attrs, "si") : undefined;
        this.isSharedMaster = shared && attribute(attrs, "ref") !== undefined;
      } else if (name === "is") {
        this.inInline = true;
      } else if (this.inInline) {
        this.inline.open(name);
      }
      return;
    }
    if (name === "c") {
      const ref = attrs.r;
      const at = ref === undefined ? undefined : cellAt(ref);
      if (at) {
        this.row = at.row;
        this.column = at.column;
      } else {
        this.column++;
      }
      this.inCell = true;
      this.cell = { type: attrs.t, style: attrs.s === undefined ? 0 : Number(attrs.s), value: undefined, formula: undefined, inline: undefined };
      this.sharedIndex = undefined;
      this.isSharedMaster = false;
    } else if (name === "row") {
      const r = attrs.r;
      this.row = r === undefined ? this.row + 1 : Number(r) - 1;
      this.column = -1;
    } else if (name === "mergeCell") {
      const range = decodeRange(attribute(attrs, "ref") ?? "");
      if (range) this.merges.push(range);
    }
  };

  text = (text: string): void => {
    if (this.reading === "v") this.cell.value += text;
    else if (this.reading === "f") this.cell.formula += text;
    else if (this.inInline) this.inline.text(text);
  };

  close = (name: string): void => {
    if (!this.inCell) return;
    if (name === "v" || name === "f") {
      if (name === "f") this.placeSharedFormula();
      this.reading = undefined;
    } else if (name === "is") {
      this.inInline = false;
      this.cell.inline = this.inline.take();
    } else if (this.inInline) {
      this.inline.close(name);
    } else if (name === "c") {
      this.inCell = false;
      this.keep();
    }
  };

  private placeSharedFormula(): void {
    const si = this.sharedIndex;
    if (si === undefined) return;
    if (this.isSharedMaster) {
      this.shared.set(si, { text: this.cell.formula ?? "", row: this.row, column: this.column });
    } else if (this.cell.formula === "") {
      const master = this.shared.get(si);
      if (master) this.cell.formula = shiftFormula(master.text, this.row - master.row, this.column - master.column);
    }
  }

  private keep(): void {
    const { cell } = this;
    if (cell.value === undefined && cell.formula === undefined && cell.inline === undefined) return;
    this.place(this.row, this.column, cell);
  }

  /** A cell holding a value or formula, kept when wanted. */
  place(r: number, column: number, cell: RawCell): void {
    if (!this.wanted(r, column)) return;
    let row = this.rows.get(r);
    if (!row) {
      row = new Map();
      this.rows.set(r, row);
    }
    row.set(column, sheetCellValue(cell, this.ctx));
  }

  private wanted(row: number, column: number): boolean {
    if (this.wants.whole) return true;
    for (const r of this.wants.ranges) {
      if (row >= r.top && row <= r.bottom && column >= r.left && column <= r.right) return true;
    }
    return false;
  }

  result(): SheetCells {
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const row = this.rows.get(r);
        if (!row) continue;
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) row.delete(c);
      }
    }
    let bottom = -1;
    let right = -1;
    for (const [r, row] of this.rows) {
      for (const c of row.keys()) {
        if (r > bottom) bottom = r;
        if (c > right) right = c;
      }
    }
    const rows = this.rows;
    return {
      get: (row, column) => rows.get(row)?.get(column) ?? null,
      usedRange: bottom < 0 ? undefined : { top: 0, left: 0, bottom, right },
    };
  }
}

/** A cell reference such as `AB12` as 0-based row and column; undefined if malformed. */
function cellAt(ref: string): { row: number; column: number } | undefined {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  const row = Number(ref.slice(i));
  if (i === 0 || !Number.isInteger(row) || row < 1) return undefined;
  return { row: row - 1, column: column - 1 };
}
