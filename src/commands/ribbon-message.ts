/**
 * How a ribbon command speaks to the user: a small Office dialog (message.html) with one
 * sentence and an OK button. A function command has no pane and no console anyone reads;
 * a dialog is the way Office documents for showing something from one.
 */
export interface RibbonMessenger {
  show(text: string): Promise<void>;
}

/** The part of `Office.context.ui` used here. */
export interface DialogUi {
  displayDialogAsync(url: string, options: Office.DialogOptions, callback: (result: Office.AsyncResult<Office.Dialog>) => void): void;
}

/** Longest message put in the dialog's URL (the page shows it whole; the rest is cut with …). */
const MAX_TEXT = 600;

/** The dialog's URL: message.html beside the function file, the text as `?text=`. */
export function messageUrl(base: string, text: string): string {
  const url = new URL("message.html", base);
  url.searchParams.set("text", text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
  return url.toString();
}

/**
 * Opens the message dialog and resolves when it is shown (or could not be: then the text
 * goes to the console, the last resort). The dialog closes itself when OK is pressed.
 */
export function createDialogMessenger(ui: DialogUi, base: string): RibbonMessenger {
  const open = (text: string, done: () => void): void =>
    ui.displayDialogAsync(messageUrl(base, text), { height: 30, width: 30, displayInIframe: true }, (result) => {
      if (String(result.status) === "failed") {
        console.warn(`sctvm: ${text} (the dialog could not open: ${result.error?.message ?? "unknown reason"})`);
        return done();
      }
      const dialog = result.value;
      dialog.addEventHandler("dialogMessageReceived" as unknown as Office.EventType, () => dialog.close());
      done();
    });
  return {
    // A synchronous throw (no dialog API at all) rejects, as an asynchronous failure would.
    show: (text) => new Promise<void>((done, fail) => {
      try {
        open(text, done);
      } catch (error) {
        fail(error);
      }
    }),
  };
}
