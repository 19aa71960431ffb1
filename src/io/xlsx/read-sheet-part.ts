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
    if (!this.wanted(this.row, this.column)) return;
    let row = this.rows.get(this.row);
    if (!row) {
      row = new Map();
      this.rows.set(this.row, row);
    }
    row.set(this.column, sheetCellValue(cell, this.ctx));
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
