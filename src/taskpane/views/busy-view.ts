/**
 * Runs pane operations one at a time. While one runs the action buttons are disabled, and
 * once it has taken longer than `delayMs` a progress bar with its label appears (so
 * anything slower than a second shows progress, and quick ones do not flicker).
 */
export interface BusyView {
  run<T>(label: string, task: () => Promise<T>): Promise<T>;
}

export function createBusyView(progress: HTMLElement, label: HTMLElement, controls: readonly HTMLButtonElement[], delayMs = 250): BusyView {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run<T>(text: string, task: () => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        const timer = setTimeout(() => {
          label.textContent = `${text}…`;
          progress.hidden = false;
        }, delayMs);
        for (const c of controls) c.disabled = true;
        document.body.setAttribute("aria-busy", "true");
        try {
          return await task();
        } finally {
          clearTimeout(timer);
          progress.hidden = true;
          label.textContent = "";
          for (const c of controls) c.disabled = false;
          document.body.removeAttribute("aria-busy");
        }
      });
      // A failed task must not stop the ones queued after it; the caller sees the error.
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
