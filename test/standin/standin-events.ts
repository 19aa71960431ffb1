/** `onChanged` / `onSelectionChanged`: handlers are added and removed when the batch syncs. */
import type { RegisteredHandler, StandinContextCore, StandinEventKind } from "./standin-context";

export interface StandinEventHandlerResult {
  readonly context: StandinContextCore;
  remove(): void;
}

export class EventHandlersProxy {
  constructor(
    private readonly context: StandinContextCore,
    private readonly kind: StandinEventKind,
    private readonly sheetId: () => string | undefined,
  ) {}

  add(handler: (args: never) => unknown): StandinEventHandlerResult {
    const handlers = this.context.host.handlers;
    let registered: RegisteredHandler | undefined;
    this.context.enqueue(() => {
      registered = { kind: this.kind, runtime: this.context.runtimeState, sheetId: this.sheetId(), handler };
      handlers.push(registered);
    });
    const context = this.context;
    return {
      context,
      remove: () =>
        context.enqueue(() => {
          const at = registered ? handlers.indexOf(registered) : -1;
          if (at >= 0) handlers.splice(at, 1);
        }),
    };
  }
}
