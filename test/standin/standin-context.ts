/**
 * The proxy machinery of the stand-in: a request context that queues actions and runs them
 * only on `sync()`, and objects whose properties can be read only after `load()` + `sync()`,
 * as in Office.js. Objects resolve when the queue runs, in queue order, so a sheet added
 * earlier in a batch can be used later in it; an `...OrNullObject` resolves to null.
 */
import type { StandinWorkbook } from "./standin-workbook";

/** Shaped like `OfficeExtension.Error`. */
export class StandinError extends Error {
  override name = "RichApi.Error";
  readonly code: string;
  readonly debugInfo: { code: string; message: string };

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export type StandinEventKind = "WorksheetChanged" | "WorksheetSelectionChanged" | "SelectionChanged";

export interface StandinEvent {
  readonly kind: StandinEventKind;
  readonly args: Record<string, unknown>;
}

/**
 * One add-in runtime (the task pane's, the ribbon's function file): `runtime.enableEvents`
 * belongs to a runtime, as in Office, and gates only the handlers registered in it.
 */
export interface RuntimeState {
  readonly name: string;
  enableEvents: boolean;
}

export interface RegisteredHandler {
  readonly kind: StandinEventKind;
  /** The runtime that registered it: only that runtime's enableEvents gates it. */
  readonly runtime: RuntimeState;
  /** For a worksheet's own onChanged: only that sheet's events. */
  readonly sheetId?: string;
  readonly handler: (args: never) => unknown;
}

export interface HostState {
  readonly workbook: StandinWorkbook;
  /** The add-in's runtimes; the first is the task pane's. */
  readonly runtimes: RuntimeState[];
  syncCount: number;
  payloadLimitBytes: number;
  nextTableNumber: number;
  readonly handlers: RegisteredHandler[];
  /** Every event delivered to the add-in, in order. */
  readonly eventLog: StandinEvent[];
  /** Writes in the order the host applied them (values, tables.add), for tests of order. */
  readonly journal: { readonly op: "values" | "tables.add"; readonly sheet: string; readonly address: string }[];
  /** Handler runs not yet finished (see `settle`). */
  readonly running: Set<Promise<unknown>>;
}

/** The runtimes listening now: those with events on. */
export function listeningRuntimes(host: HostState): ReadonlySet<RuntimeState> {
  return new Set(host.runtimes.filter((r) => r.enableEvents));
}

/**
 * Delivers an event to the handlers of the runtimes that were listening when it happened
 * (default: now); resolves when they are done.
 */
export function dispatch(host: HostState, event: StandinEvent, sheetId?: string, listening: ReadonlySet<RuntimeState> = listeningRuntimes(host)): Promise<void> {
  if (listening.size === 0) return Promise.resolve();
  host.eventLog.push(event);
  const runs = host.handlers
    .filter((h) => listening.has(h.runtime) && h.kind === event.kind && (h.sheetId === undefined || h.sheetId === sheetId))
    .map((h) => Promise.resolve().then(() => (h.handler as (args: unknown) => unknown)(event.args)));
  const all = Promise.all(runs).then(() => undefined);
  host.running.add(all);
  void all.finally(() => host.running.delete(all));
  return all;
}

type Action = () => void;

export class StandinContextCore {
  private queue: Action[] = [];
  private queuedBytes = 0;
  /** Bytes of loaded values the running sync answers with (Excel on the web caps responses too). */
  responseBytes = 0;
  private executing = false;
  /** Events raised by this batch's writes, delivered after the sync. */
  private raised: { event: StandinEvent; sheetId?: string; listening: ReadonlySet<RuntimeState> }[] = [];

  constructor(
    readonly host: HostState,
    /** The runtime this context belongs to. */
    readonly runtimeState: RuntimeState,
  ) {}

  /** Queues an action; while the queue runs (a load creating objects), runs it at once. */
  enqueue(action: Action, bytes = 0): void {
    if (this.executing) action();
    else {
      this.queue.push(action);
      this.queuedBytes += bytes;
    }
  }

  hasPending(): boolean {
    return this.queue.length > 0;
  }

  raise(event: StandinEvent, sheetId?: string): void {
    // Who hears it is fixed when the change happens, whatever enableEvents is by the time it is delivered.
    const listening = listeningRuntimes(this.host);
    if (listening.size > 0) this.raised.push({ event, sheetId, listening });
  }

  async sync(): Promise<void> {
    this.host.syncCount++;
    const queue = this.queue;
    const bytes = this.queuedBytes;
    this.queue = [];
    this.queuedBytes = 0;
    await Promise.resolve();
    if (bytes > this.host.payloadLimitBytes) {
      throw new StandinError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${bytes} > ${this.host.payloadLimitBytes} bytes).`);
    }
    this.executing = true;
    this.responseBytes = 0;
    try {
      for (const action of queue) action();
      if (this.responseBytes > this.host.payloadLimitBytes) {
        throw new StandinError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.responseBytes} > ${this.host.payloadLimitBytes} bytes).`);
      }
    } catch (error) {
      throw error instanceof StandinError ? error : new StandinError("GeneralException", error instanceof Error ? error.message : String(error));
    } finally {
      this.executing = false;
      const raised = this.raised;
      this.raised = [];
      for (const { event, sheetId, listening } of raised) void dispatch(this.host, event, sheetId, listening);
    }
  }
}

const notLoaded = (name: string): StandinError =>
  new StandinError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** The JSON size of a value, for the request payload cap. */
export function payloadBytes(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

/** Load paths from any `load()` argument: "a, b/c", ["a"], { select, expand }, { a: true, b: { c: true } }. */
export function loadPaths(option: unknown): string[][] {
  if (option === undefined || option === null) return [[]];
  if (typeof option === "string") return option.split(",").map((p) => p.trim()).filter(Boolean).map((p) => p.split("/"));
  if (Array.isArray(option)) return option.flatMap((o) => loadPaths(String(o)));
  if (typeof option === "object") {
    const record = option as Record<string, unknown>;
    if (typeof record.select === "string" || typeof record.expand === "string") {
      return [...loadPaths(record.select ?? ""), ...loadPaths(record.expand ?? "")];
    }
    const paths: string[][] = [];
    for (const [key, value] of Object.entries(record)) {
      if (key.startsWith("$")) {
        if (key === "$all" && value === true) paths.push([]);
        continue;
      }
      if (value === true) paths.push([key]);
      else if (typeof value === "object" && value !== null) paths.push(...loadPaths(value).map((p) => [key, ...p]));
    }
    return paths;
  }
  return [[]];
}

/** Anything a load path can walk into. */
export interface Loadable {
  loadPath(path: string[]): void;
  toJSON(): Record<string, unknown>;
}

/**
 * A proxy: `T` is what it stands for in the workbook, resolved when the queue runs.
 * Subclasses list their scalar properties (`scalars`) and navigation properties (`navs`).
 */
export abstract class StandinObject<T> implements Loadable {
  protected resolved: T | null | undefined = undefined;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: StandinContextCore,
    resolve: () => T | null,
  ) {
    context.enqueue(() => {
      this.resolved = resolve();
    });
  }

  protected abstract scalars(): Record<string, (target: T) => unknown>;

  protected navs(): Record<string, () => Loadable> {
    return {};
  }

  get isNullObject(): boolean {
    if (this.resolved === undefined) throw notLoaded("isNullObject");
    return this.resolved === null;
  }

  /** The object in the workbook; only inside queued actions. */
  target(): T {
    if (this.resolved === undefined) throw new StandinError("InvalidObjectPath", "The object path is not valid: the object was used before the request that creates it ran.");
    if (this.resolved === null) throw new StandinError("ItemNotFound", "The requested resource doesn't exist.");
    this.check(this.resolved);
    return this.resolved;
  }

  /** Throws if the target no longer exists (a deleted sheet, say). */
  protected check(_target: T): void {}

  load(option?: unknown): this {
    const paths = loadPaths(option);
    this.context.enqueue(() => this.applyLoad(paths));
    return this;
  }

  applyLoad(paths: string[][]): void {
    for (const path of paths) this.loadPath(path);
  }

  loadPath(path: string[]): void {
    if (this.resolved === null) return; // a null object loads nothing
    const target = this.target();
    const scalars = this.scalars();
    const [head, ...rest] = path;
    if (head === undefined) {
      for (const [name, get] of Object.entries(scalars)) {
        const value = copy(get(target));
        this.context.responseBytes += payloadBytes(value);
        this.loaded.set(name, value);
      }
      return;
    }
    if (head === "isNullObject") return;
    const scalar = scalars[head];
    if (scalar) {
      if (rest.length > 0) throw new StandinError("InvalidArgument", `'${head}' is not a navigation property.`);
      const value = copy(scalar(target));
      this.context.responseBytes += payloadBytes(value);
      this.loaded.set(head, value);
      return;
    }
    const nav = this.navs()[head];
    if (!nav) throw new StandinError("InvalidArgument", `The property '${head}' does not exist on this object (or the stand-in does not support it).`);
    nav().loadPath(rest);
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Sets a property: readable locally at once, applied to the workbook on sync. */
  protected set<V>(name: string, value: V, apply: (target: T, value: V) => void): void {
    this.loaded.set(name, value);
    this.context.enqueue(() => apply(this.target(), value), payloadBytes(value));
  }

  /** Queues a method call on the target. */
  protected call(apply: (target: T) => void, bytes = 60): void {
    this.context.enqueue(() => apply(this.target()), bytes);
  }

  /** A navigation property's proxy, made once. */
  private readonly navCache = new Map<string, unknown>();
  protected memo<P>(name: string, make: () => P): P {
    let proxy = this.navCache.get(name);
    if (!proxy) {
      proxy = make();
      this.navCache.set(name, proxy);
    }
    return proxy as P;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection proxy: loading it makes one item proxy per item, then loads each. */
export abstract class StandinCollection<T, I extends Loadable> extends StandinObject<T> {
  protected abstract itemsOf(target: T): I[];

  protected scalars(): Record<string, (target: T) => unknown> {
    return {};
  }

  get items(): I[] {
    return this.get<I[]>("items");
  }

  override applyLoad(paths: string[][]): void {
    if (this.resolved === null) return;
    const items = this.itemsOf(this.target());
    this.loaded.set("items", items);
    for (const path of paths) {
      const rest = path[0] === "items" ? path.slice(1) : path;
      for (const item of items) item.loadPath(rest);
    }
  }

  override toJSON(): Record<string, unknown> {
    return { items: this.loaded.has("items") ? this.items.map((i) => i.toJSON()) : [] };
  }
}

function copy<V>(value: V): V {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? [...row] : row)) as V;
  return value;
}
