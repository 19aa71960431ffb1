import { decodeRange, type CellRange } from "./decode-range";
import { attribute, decodeXstring, parseXml } from "./xml-events";

/** An Excel table (ListObject) as its part describes it. */
export interface TablePart {
  /** `displayName` (what Excel shows and formulas use), else `name`. */
  readonly name: string;
  /** The whole table: header row, data rows and totals rows. */
  readonly range: CellRange;
  /** 1 normally; 0 for a table whose header row is switched off. */
  readonly headerRowCount: number;
  readonly totalsRowCount: number;
  readonly columnNames: readonly string[];
}

/** Parses a table part; undefined for one with no name or no valid range. */
export function parseTablePart(xml: string): TablePart | undefined {
  let table: Omit<TablePart, "columnNames"> | undefined;
  let seen = false;
  const columnNames: string[] = [];
  parseXml(xml, {
    open(name, attrs) {
      if (name === "table" && !seen) {
        seen = true;
        const tableName = attribute(attrs, "displayName") || attribute(attrs, "name");
        const range = decodeRange(attribute(attrs, "ref") ?? "");
        if (!tableName || !range) return;
        table = {
          name: tableName,
          range,
          headerRowCount: count(attribute(attrs, "headerRowCount"), 1),
          totalsRowCount: count(attribute(attrs, "totalsRowCount"), 0),
        };
      } else if (name === "tableColumn") {
        columnNames.push(decodeXstring(attribute(attrs, "name") ?? ""));
      }
    },
  });
  return table ? { ...table, columnNames } : undefined;
}

function count(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return text === undefined || !Number.isInteger(n) || n < 0 ? fallback : n;
}
