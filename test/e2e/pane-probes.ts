/** Reading the stand-in workbook and the pane's canvases from the test, through the page. */
import type { Page } from "playwright-core";
import type { StandinControl } from "../standin/standin-office";
import { columnName, type StandinCell, type StandinWorkbookJson } from "../standin/standin-workbook";

declare global {
  interface Window {
    __standin?: StandinControl;
  }
}

/** The stand-in workbook, as JSON text across the wire (Playwright's own object serialiser is slow on megabytes). */
export async function standinWorkbook(page: Page): Promise<StandinWorkbookJson> {
  const text = await page.evaluate(async () => {
    const wb = await window.__standin?.workbook();
    if (!wb) throw new Error("the stand-in host is not installed");
    return JSON.stringify(wb);
  });
  return JSON.parse(text) as StandinWorkbookJson;
}

/** Waits until the stand-in's selection is `address` (`'Sheet'!C7`). */
export async function waitForSelection(page: Page, address: string): Promise<void> {
  await page.waitForFunction(
    async (wanted) => {
      const s = (await window.__standin?.workbook())?.selection;
      return s !== undefined && `'${s.sheet.replace(/'/g, "''")}'!${s.address}` === wanted;
    },
    address,
    { polling: 250 },
  );
}

export function standinCell(page: Page, address: string): Promise<StandinCell | undefined> {
  return page.evaluate((a) => window.__standin?.getCell(a), address);
}

/** Pixels of a canvas that are drawn on (not transparent, not white), and all pixels. */
export function inkedPixels(page: Page, canvasId: string): Promise<{ inked: number; total: number }> {
  return page.evaluate((id) => {
    const canvas = document.getElementById(id) as HTMLCanvasElement | null;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) throw new Error(`no canvas #${id}`);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
      if (a > 0 && !(r > 245 && g > 245 && b > 245)) inked += 1;
    }
    return { inked, total: data.length / 4 };
  }, canvasId);
}

/**
 * The address and value of `column` in the row of a result sheet's table whose key cells
 * match `keys` (header row found by its column names).
 */
export function findFigureCell(
  wb: StandinWorkbookJson,
  sheetName: string,
  column: string,
  keys: Readonly<Record<string, string | number>>,
): { address: string; value: number } {
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const at = (r: number, c: number): StandinCell | undefined => sheet.cells[`${columnName(c)}${r + 1}`];
  const wanted = [column, ...Object.keys(keys)];
  for (let r = 0; r < 50; r++) {
    const header = new Map<string, number>();
    for (let c = 0; c < 40; c++) {
      const v = at(r, c)?.value;
      if (typeof v === "string") header.set(v, c);
    }
    if (!wanted.every((w) => header.has(w))) continue;
    for (let row = r + 1; at(row, header.get(column) as number) !== undefined; row++) {
      if (Object.entries(keys).every(([k, v]) => at(row, header.get(k) as number)?.value === v)) {
        const value = at(row, header.get(column) as number)?.value;
        if (typeof value !== "number") throw new Error(`${column} in row ${row + 1} is not a number`);
        return { address: `'${sheetName}'!${columnName(header.get(column) as number)}${row + 1}`, value };
      }
    }
  }
  throw new Error(`no ${column} for ${JSON.stringify(keys)} on ${sheetName}`);
}

/**
 * How the pane fits its width: the page's horizontal overflow, every status badge's right
 * edge, and elements that scroll on their own inside the scrolling pane.
 */
export function paneFit(page: Page): Promise<{ width: number; scrollWidth: number; badgeRight: number; innerScrollers: string[]; pickerRows: number[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const badges = Array.from(document.querySelectorAll("#summary .badge"));
    const innerScrollers = Array.from(document.querySelectorAll<HTMLElement>("main *"))
      .filter((e) => ["auto", "scroll"].includes(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight + 1)
      .map((e) => e.id || e.className);
    const pickerRows = Array.from(document.querySelectorAll<HTMLElement>(".pickers select")).map((select) => {
      const label = document.querySelector<HTMLElement>(`label[for="${select.id}"]`);
      // Label and select on one line: their vertical centres within a few pixels.
      const a = select.getBoundingClientRect();
      const b = label?.getBoundingClientRect();
      return b ? Math.abs(a.top + a.height / 2 - (b.top + b.height / 2)) : 999;
    });
    return {
      width: root.clientWidth,
      scrollWidth: root.scrollWidth,
      badgeRight: Math.max(0, ...badges.map((b) => b.getBoundingClientRect().right)),
      innerScrollers,
      pickerRows,
    };
  });
}
