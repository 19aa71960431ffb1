/**
 * Keeps each request under Excel's payload cap (5 MB on the web): callers say how many
 * bytes they queue, and the batcher syncs only when the next block would not fit.
 * A workbook whose writes fit in one request is written with one sync.
 */
export const DEFAULT_REQUEST_BUDGET_BYTES = 4_000_000;

export interface WriteBatcher {
  /** Bytes that still fit in the current request. */
  room(): number;
  isEmpty(): boolean;
  add(bytes: number): void;
  /** Sends what is queued (one sync) if anything is. */
  flush(): Promise<void>;
}

export function createWriteBatcher(context: Excel.RequestContext, budgetBytes: number = DEFAULT_REQUEST_BUDGET_BYTES): WriteBatcher {
  let used = 0;
  return {
    room: () => Math.max(0, budgetBytes - used),
    isEmpty: () => used === 0,
    add(bytes) {
      used += bytes;
    },
    async flush() {
      if (used === 0) return;
      used = 0;
      await context.sync();
    },
  };
}

/** A small fixed cost for an action with no bulk data (add a sheet, set a name...). */
export const ACTION_BYTES = 300;

/**
 * The JSON size of one value as Office.js sends it, close enough to budget with.
 * @example estimateJsonBytes("IOC") // 5
 */
export function estimateJsonBytes(value: unknown): number {
  if (typeof value === "string") return utf8Length(value) + 2 + (value.match(/["\\\u0000-\u001f]/g)?.length ?? 0) * 5;
  if (typeof value === "number" || typeof value === "boolean") return String(value).length;
  return 4;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}

/** Writes rows (values, and per-column number formats first) in blocks that fit the budget. */
export async function writeRowBlocks(
  batcher: WriteBatcher,
  sheet: Excel.Worksheet,
  at: { readonly top: number; readonly left: number; readonly width: number },
  rows: readonly (readonly (string | number | boolean)[])[],
  columnFormats?: readonly string[],
): Promise<void> {
  const formatBytes = columnFormats ? columnFormats.reduce((sum, f) => sum + estimateJsonBytes(f) + 1, 2) : 0;
  const cost = rows.map((row) => row.reduce((sum: number, v) => sum + estimateJsonBytes(v) + 1, 2) + formatBytes);
  let start = 0;
  while (start < rows.length) {
    const room = batcher.room();
    let end = start;
    let bytes = ACTION_BYTES;
    while (end < rows.length && bytes + (cost[end] ?? 0) <= room) bytes += cost[end++] ?? 0;
    if (end === start) {
      if (!batcher.isEmpty()) {
        await batcher.flush();
        continue;
      }
      bytes += cost[end++] ?? 0; // one row bigger than the whole budget goes alone
    }
    const block = sheet.getRangeByIndexes(at.top + start, at.left, end - start, at.width);
    const blockRows = rows.slice(start, end);
    // Formats before values, so a text format keeps text as text.
    if (columnFormats) block.numberFormat = blockRows.map(() => [...columnFormats]);
    block.values = blockRows.map((row) => padRow(row, at.width));
    batcher.add(bytes);
    start = end;
  }
}

function padRow(row: readonly (string | number | boolean)[], width: number): (string | number | boolean)[] {
  return Array.from({ length: width }, (_, c) => row[c] ?? "");
}
