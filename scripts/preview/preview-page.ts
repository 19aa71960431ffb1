/**
 * The preview page around the pane: shows the stand-in workbook (the one the pane's
 * office.js stand-in runs on, inside the iframe) as HTML tables with sheet tabs, and lets
 * a person select and type into cells as in Excel. Data goes in through textContent only.
 */
import type { StandinControl } from "../../test/standin/standin-office";
import { columnName, parseRect, sheetPrefix, type StandinSheetJson, type StandinWorkbookJson } from "../../test/standin/standin-workbook";
import { conditionalStyle, formatCell as display, gridSize } from "./format-cell";

const MAX_ROWS = 400;
const MAX_COLS = 40;
const POLL_MS = 700;

const el = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
let shownSheet: string | undefined;
let lastSelection = "";
let lastJson = "";

function standin(): StandinControl | undefined {
  return (el<HTMLIFrameElement>("pane").contentWindow as (Window & { __standin?: StandinControl }) | null)?.__standin;
}

function inTable(sheet: StandinSheetJson, row: number, col: number): boolean {
  return (sheet.tables ?? []).some((t) => {
    const r = parseRect(t.ref);
    return !!r && row >= r.top && row < r.top + r.rows && col >= r.left && col < r.left + r.cols;
  });
}

async function editCell(address: string, current: string): Promise<void> {
  const typed = window.prompt(`Type into ${address} (as in Excel; empty clears it):`, current);
  if (typed === null) return;
  await standin()?.editCell(address, typed);
  await refresh();
}

function renderGrid(sheet: StandinSheetJson, selected: { sheet: string; address: string } | undefined): void {
  const { rows, cols, hiddenRows, hiddenCols } = gridSize(sheet, MAX_ROWS, MAX_COLS);
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  head.appendChild(document.createElement("th")).className = "row-head";
  for (let c = 0; c < cols; c++) head.appendChild(document.createElement("th")).textContent = columnName(c);
  const sel = selected?.sheet === sheet.name ? parseRect(selected.address) : undefined;
  const body = table.createTBody();
  for (let r = 0; r < rows; r++) {
    const tr = body.insertRow();
    const th = tr.appendChild(document.createElement("th"));
    th.className = "row-head";
    th.textContent = String(r + 1);
    for (let c = 0; c < cols; c++) {
      const a1 = `${columnName(c)}${r + 1}`;
      const cell = sheet.cells[a1];
      const td = tr.insertCell();
      td.textContent = display(cell);
      td.classList.toggle("num", typeof cell?.value === "number");
      td.classList.toggle("bold", cell?.bold === true);
      td.classList.toggle("error", typeof cell?.value === "object");
      td.classList.toggle("in-table", inTable(sheet, r, c));
      td.classList.toggle("selected", !!sel && r === sel.top && c === sel.left);
      // Conditional formats drawn as Excel draws them (CSSOM: the page's policy allows it).
      const style = conditionalStyle(sheet.conditionalFormats ?? [], r, c, cell);
      td.style.background = style?.fill ?? cell?.fill ?? "";
      td.style.color = style?.fontColor ?? cell?.fontColor ?? "";
      const address = `${sheetPrefix(sheet.name)}!${a1}`;
      td.addEventListener("click", () => void standin()?.select(address).then(refresh));
      td.addEventListener("dblclick", () => void editCell(address, cell?.value === undefined || typeof cell.value === "object" ? "" : String(cell.value)));
    }
  }
  const more = [hiddenRows ? `${hiddenRows} more row${hiddenRows === 1 ? "" : "s"} (past row ${MAX_ROWS})` : "", hiddenCols ? `${hiddenCols} more column${hiddenCols === 1 ? "" : "s"}` : ""].filter(Boolean);
  const note = document.createElement("p");
  note.className = "grid-limit";
  note.id = "grid-limit";
  note.hidden = more.length === 0;
  note.textContent = more.length ? `Not drawn: ${more.join(" and ")}. The preview draws the first ${MAX_ROWS} rows and ${MAX_COLS} columns; the pane reads them all.` : "";
  el("sheet-grid").replaceChildren(note, table);
}

function render(workbook: StandinWorkbookJson): void {
  const selected = workbook.selection;
  const selectionKey = selected ? `${selected.sheet}!${selected.address}` : "";
  // Follow the selection to its sheet when it moves (the pane selects issue and input cells).
  if (selectionKey !== lastSelection && selected) shownSheet = selected.sheet;
  lastSelection = selectionKey;
  const visible = workbook.sheets.filter((s) => s.visibility !== "Hidden" && s.visibility !== "VeryHidden");
  const sheet = visible.find((s) => s.name === shownSheet) ?? visible[0];
  if (!sheet) return;
  shownSheet = sheet.name;
  el("sheet-tabs").replaceChildren(
    ...visible.map((s) => {
      const tab = document.createElement("button");
      tab.type = "button";
      tab.textContent = s.name;
      tab.setAttribute("aria-selected", String(s.name === sheet.name));
      tab.addEventListener("click", () => {
        shownSheet = s.name;
        render(workbook);
      });
      return tab;
    }),
  );
  renderGrid(sheet, selected);
  const where = selected ? parseRect(selected.address) : undefined;
  const selectedSheet = workbook.sheets.find((s) => s.name === selected?.sheet);
  el("cell-address").textContent = selected ? `${selected.sheet}!${selected.address}` : "";
  el("cell-value").textContent = where && selectedSheet ? display(selectedSheet.cells[`${columnName(where.left)}${where.top + 1}`]) : "";
}

async function refresh(): Promise<void> {
  const control = standin();
  if (!control) return;
  const workbook = await control.workbook();
  const json = JSON.stringify(workbook);
  const syncs = await control.syncCount();
  el("sync-count").textContent = `${syncs} sync${syncs === 1 ? "" : "s"}`;
  if (json === lastJson) return;
  lastJson = json;
  render(workbook);
}

function start(): void {
  const tick = (): void => {
    refresh()
      .catch((error: unknown) => console.warn("preview: could not read the stand-in workbook", error))
      .finally(() => setTimeout(tick, POLL_MS));
  };
  el<HTMLIFrameElement>("pane").addEventListener("load", () => void standin()?.ready().then(refresh));
  tick();
}

start();
