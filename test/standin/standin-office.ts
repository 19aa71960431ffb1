/**
 * Browser entry: served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
 * Takes the workbook from `window.__SCTVM_STANDIN_WORKBOOK__` (JSON, see standin-workbook.ts)
 * or fetches `/standin/workbook.json`, builds the stand-in host and installs `Office`,
 * `Excel` and `OfficeExtension` at once (calls wait until the workbook is in), plus
 * `window.__standin` for end-to-end tests. No dependencies.
 */
import { createStandinHost, StandinError, type StandinHost } from "./excel-standin";
import { doOfficeLikeLoads } from "./office-like-loads";
import { fromJSON, toJSON, type StandinCell, type StandinWorkbookJson } from "./standin-workbook";

export interface StandinControl {
  /** Resolves once the workbook is loaded and the host is ready. */
  ready(): Promise<void>;
  select(address: string): Promise<void>;
  editCell(address: string, value: string | number | boolean | null): Promise<void>;
  getCell(address: string): Promise<StandinCell | undefined>;
  syncCount(): Promise<number>;
  /** The whole workbook as JSON (for assertions on sheets, tables and formats). */
  workbook(): Promise<StandinWorkbookJson>;
  /** Events delivered to the add-in so far. */
  events(): Promise<{ kind: string; args: Record<string, unknown> }[]>;
}

interface StandinWindow {
  __SCTVM_STANDIN_WORKBOOK__?: StandinWorkbookJson;
  /** Set by the end-to-end test: also do what office.js does on Excel on the web (styles, script, frame). */
  __SCTVM_OFFICE_LIKE__?: boolean;
  __standin?: StandinControl;
  Office?: unknown;
  Excel?: unknown;
  OfficeExtension?: unknown;
}

const WORKBOOK_URL = "/standin/workbook.json";

async function loadWorkbookJson(w: StandinWindow): Promise<StandinWorkbookJson> {
  if (w.__SCTVM_STANDIN_WORKBOOK__) return w.__SCTVM_STANDIN_WORKBOOK__;
  const response = await fetch(WORKBOOK_URL);
  if (!response.ok) throw new Error(`stand-in: ${WORKBOOK_URL} answered HTTP ${response.status}`);
  return (await response.json()) as StandinWorkbookJson;
}

function install(w: StandinWindow): void {
  const ready: Promise<StandinHost> = loadWorkbookJson(w).then((json) => createStandinHost(fromJSON(json)));
  ready.catch((error: unknown) => console.error("stand-in host failed to start", error));
  const withHost = <T>(use: (host: StandinHost) => T | Promise<T>): Promise<T> => ready.then(use);
  const info = { host: "Excel", platform: "OfficeOnline" };

  w.Office = {
    onReady: (callback?: (i: typeof info) => void) =>
      ready.then(() => {
        callback?.(info);
        return info;
      }),
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    context: { host: "Excel", platform: "OfficeOnline", displayLanguage: "en-GB", requirements: { isSetSupported: () => true } },
  };
  w.Excel = {
    run: (...args: unknown[]) => withHost((host) => (host.Excel.run as (...a: unknown[]) => Promise<unknown>)(...args)),
    EventSource: { local: "Local", remote: "Remote" },
    ConditionalFormatType: { custom: "Custom", cellValue: "CellValue", containsText: "ContainsText" },
  };
  w.OfficeExtension = { Error: StandinError };
  w.__standin = {
    ready: () => withHost(() => undefined),
    select: (address) => withHost((host) => host.select(address)),
    editCell: (address, value) => withHost((host) => host.editCell(address, value)),
    getCell: (address) => withHost((host) => host.getCell(address)),
    syncCount: () => withHost((host) => host.syncCount()),
    workbook: () => withHost((host) => toJSON(host.workbook)),
    events: () => withHost((host) => host.events.log.map((e) => ({ kind: e.kind, args: { ...e.args } }))),
  };
}

install(window as unknown as StandinWindow);
if ((window as unknown as StandinWindow).__SCTVM_OFFICE_LIKE__) {
  if (document.body) doOfficeLikeLoads(document);
  else document.addEventListener("DOMContentLoaded", () => doOfficeLikeLoads(document));
}
