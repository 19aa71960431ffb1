/**
 * A stand-in Excel host: an in-memory implementation of the part of the Office.js Excel API
 * the add-in uses, with Office.js's proxy rules (queued `load`, values readable only after
 * `sync`, objects resolved in queue order, `...OrNullObject`, events only when
 * `runtime.enableEvents`). It runs in Node (jest) and, bundled by standin-office.ts, in a
 * browser in place of office.js. What it does not implement fails loudly.
 */
import { dispatch, StandinContextCore, StandinError, type HostState, type RuntimeState, type StandinEvent } from "./standin-context";
import { RuntimeProxy, WorkbookProxy } from "./standin-sheets";
import { typeIntoCell } from "./standin-values";
import { cellKey, parseRect, splitAddress, type StandinCell, type StandinSheet, type StandinWorkbook } from "./standin-workbook";

export { StandinError } from "./standin-context";
export type { StandinEvent } from "./standin-context";

/** What `Excel.run` hands the batch: `workbook`, `runtime` and `sync()`. */
export class StandinRequestContext extends StandinContextCore {
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;

  constructor(host: HostState, runtime: RuntimeState = host.runtimes[0] as RuntimeState) {
    super(host, runtime);
    this.workbook = new WorkbookProxy(this, () => host.workbook);
    this.runtime = new RuntimeProxy(this, () => runtime);
  }
}

export interface StandinHostOptions {
  /** Requests and responses above this many bytes fail as on Excel on the web (default 5 MB). */
  readonly payloadLimitBytes?: number;
}

export interface StandinHost {
  /** Assign to the global `Excel` (cast: it implements only what the add-in uses). */
  readonly Excel: StandinExcel;
  /** Assign to the global `Office`. */
  readonly Office: StandinOffice;
  readonly OfficeExtension: { readonly Error: typeof StandinError };
  /** The live workbook the host reads and writes. */
  readonly workbook: StandinWorkbook;
  /** Values writes and tables added, in the order applied (clear it with `length = 0`). */
  readonly journal: HostState["journal"];
  /**
   * Another runtime of the same add-in on the same workbook (the ribbon's function file
   * without a shared runtime): its own `runtime.enableEvents`, its own handlers.
   */
  addRuntime(name: string): { readonly Excel: StandinExcel };
  /** `context.sync()` calls so far, over all contexts. */
  syncCount(): number;
  readonly events: {
    /** Events delivered to the add-in (none while it has events off). */
    readonly log: readonly StandinEvent[];
    handlerCount(): number;
    /** Resolves when every handler started so far has finished. */
    settle(): Promise<void>;
  };
  /** Types into a cell as a person would (`'Volumes'!C7`), raising onChanged; resolves when handlers finish. */
  editCell(address: string, value: string | number | boolean | null): Promise<void>;
  /** Selects a cell or range as a person would, raising the selection events. */
  select(address: string): Promise<void>;
  /** The stored cell (value and formats), or undefined when blank. */
  getCell(address: string): StandinCell | undefined;
}

export interface StandinExcel {
  run<T>(batch: (context: StandinRequestContext) => Promise<T>): Promise<T>;
  run<T>(context: { context?: unknown } | StandinRequestContext, batch: (context: StandinRequestContext) => Promise<T>): Promise<T>;
  readonly RequestContext: new () => StandinRequestContext;
  readonly EventSource: { readonly local: "Local"; readonly remote: "Remote" };
  readonly ConditionalFormatType: Readonly<Record<string, string>>;
}

export interface StandinOffice {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  readonly HostType: Readonly<Record<string, string>>;
  readonly PlatformType: Readonly<Record<string, string>>;
  readonly context: {
    readonly host: string;
    readonly platform: string;
    readonly displayLanguage: string;
    readonly requirements: { isSetSupported(name: string, version?: string): boolean };
  };
}

/** A host over `workbook` (used and changed in place). */
export function createStandinHost(workbook: StandinWorkbook, options: StandinHostOptions = {}): StandinHost {
  const host: HostState = {
    workbook,
    runtimes: [{ name: "taskpane", enableEvents: true }],
    syncCount: 0,
    payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024,
    nextTableNumber: 1,
    handlers: [],
    eventLog: [],
    journal: [],
    running: new Set(),
  };

  /** The `Excel` global one runtime sees: its contexts carry that runtime's enableEvents. */
  const excelFor = (runtime: RuntimeState): StandinExcel => {
    const run = async <T>(first: unknown, second?: unknown): Promise<T> => {
      const batch = (typeof first === "function" ? first : second) as (context: StandinRequestContext) => Promise<T>;
      if (typeof batch !== "function") throw new StandinError("InvalidArgument", "Excel.run needs a batch function.");
      const given = typeof first === "function" ? undefined : contextOf(first);
      const context = given ?? new StandinRequestContext(host, runtime);
      const result = await batch(context);
      if (context.hasPending()) await context.sync();
      return result;
    };
    return {
      run,
      RequestContext: class extends StandinRequestContext {
        constructor() {
          super(host, runtime);
        }
      },
      EventSource: { local: "Local", remote: "Remote" },
      ConditionalFormatType: { custom: "Custom", cellValue: "CellValue", containsText: "ContainsText" },
    } as StandinExcel;
  };
  const Excel = excelFor(host.runtimes[0] as RuntimeState);

  const info = { host: "Excel", platform: "OfficeOnline" };
  const Office: StandinOffice = {
    onReady: async (callback) => {
      callback?.(info);
      return info;
    },
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    context: { host: "Excel", platform: "OfficeOnline", displayLanguage: "en-GB", requirements: { isSetSupported: () => true } },
  };

  const locate = (address: string): { sheet: StandinSheet; row: number; col: number; rows: number; cols: number } => {
    const { sheet: name, range } = splitAddress(address);
    const sheet = name === undefined ? workbook.sheets.find((s) => s.id === workbook.selection.sheetId) : workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const rect = parseRect(range);
    if (!sheet || !rect) throw new Error(`stand-in: '${address}' is not a cell on an existing sheet`);
    return { sheet, row: rect.top, col: rect.left, rows: rect.rows, cols: rect.cols };
  };

  return {
    Excel,
    Office,
    OfficeExtension: { Error: StandinError },
    workbook,
    journal: host.journal,
    addRuntime(name) {
      const runtime: RuntimeState = { name, enableEvents: true };
      host.runtimes.push(runtime);
      return { Excel: excelFor(runtime) };
    },
    syncCount: () => host.syncCount,
    events: {
      log: host.eventLog,
      handlerCount: () => host.handlers.length,
      settle: async () => {
        while (host.running.size > 0) await Promise.all([...host.running]);
      },
    },
    async editCell(address, value) {
      const { sheet, row, col } = locate(address);
      const key = cellKey(row, col);
      const next = typeIntoCell(sheet.cells.get(key), value);
      if (next) sheet.cells.set(key, next);
      else sheet.cells.delete(key);
      const cell = `${splitAddress(address).range.replace(/\$/g, "").toUpperCase()}`;
      const event: StandinEvent = { kind: "WorksheetChanged", args: { type: "WorksheetChanged", worksheetId: sheet.id, address: cell, changeType: "RangeEdited", source: "Local" } };
      await dispatch(host, event, sheet.id);
    },
    async select(address) {
      const { sheet } = locate(address);
      const range = splitAddress(address).range.replace(/\$/g, "").toUpperCase();
      workbook.selection = { sheetId: sheet.id, address: range };
      await Promise.all([
        dispatch(host, { kind: "SelectionChanged", args: { type: "SelectionChanged" } }),
        dispatch(host, { kind: "WorksheetSelectionChanged", args: { type: "WorksheetSelectionChanged", worksheetId: sheet.id, address: range } }, sheet.id),
      ]);
    },
    getCell(address) {
      const { sheet, row, col } = locate(address);
      const cell = sheet.cells.get(cellKey(row, col));
      return cell ? { ...cell } : undefined;
    },
  };

  function contextOf(value: unknown): StandinRequestContext | undefined {
    if (value instanceof StandinRequestContext) return value;
    const context = (value as { context?: unknown } | null)?.context;
    return context instanceof StandinRequestContext ? context : undefined;
  }
}
