import { createFakeWorkbook } from "../../test/taskpane/fake-workbook";
import { loadSampleAnalysis } from "../../test/taskpane/sample-analysis";
import { completeAfter, computeCommand, validateCommand } from "./ribbon-commands";
import { createDialogMessenger, messageUrl, type DialogUi } from "./ribbon-message";

const withText = async (): Promise<ReturnType<typeof createFakeWorkbook>> => {
  const { grids } = await loadSampleAnalysis();
  const broken = { ...grids, tables: grids.tables.map((t) => (t.name !== "Volumes" ? t : { ...t, rows: t.rows.map((r, i) => (i === 1 ? r.map((v, j) => (j === 2 ? "lots" : v)) : r)) })) };
  return createFakeWorkbook(broken);
};

describe("ribbon commands", () => {
  it("Validate selects the first issue's cell, writes nothing and says how many issues there are", async () => {
    const workbook = await withText();
    const outcome = await validateCommand(workbook);
    expect(outcome.analysis.errorCount).toBe(1);
    expect(workbook.selections).toEqual([outcome.selected]);
    expect(outcome.selected).toBe("'Volumes'!C2");
    expect(workbook.writes).toHaveLength(0);
    expect(outcome.message).toMatch(/^Validate: 1 error and \d+ warnings?\. Selected the first, Volumes!C2: NOT_A_NUMBER: /);
  });

  it("Validate on a clean model selects nothing and says so", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    const outcome = await validateCommand(workbook);
    expect(outcome.selected).toBeUndefined();
    expect(workbook.selections).toEqual([]);
    expect(outcome.message).toBe("Validate: no issues. The model is ready to compute.");
  });

  it("Compute writes the results stamped with the time, silently when all is well", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    const outcome = await computeCommand(workbook, () => new Date("2024-01-02T03:04:05Z"));
    expect(workbook.writes.map((w) => [w.stamp, w.analysis.errorCount])).toEqual([["2024-01-02T03:04:05.000Z", 0]]);
    expect(outcome.message).toBeUndefined();
  });

  it("Compute on a model with errors says what it wrote and kept", async () => {
    const workbook = await withText();
    workbook.writes.push({ analysis: (await loadSampleAnalysis()).analysis, stamp: "earlier" });
    const outcome = await computeCommand(workbook, () => new Date("2024-01-02T03:04:05Z"));
    expect(outcome.message).toBe("Compute: the model has 1 error, so only sctvm Issues was written. The result sheets of the last good Compute are kept, marked stale. Open the pane to fix them.");
  });
});

describe("completeAfter", () => {
  it("shows the command's message, or its failure in one sentence, and always completes the event", async () => {
    const event = { completed: jest.fn() };
    const shown: string[] = [];
    const messenger = { show: async (text: string) => void shown.push(text) };
    await completeAfter(event, "Validate", async () => ({ analysis: (await loadSampleAnalysis()).analysis, message: "hello" }), messenger);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await completeAfter(event, "Compute", async () => Promise.reject(Object.assign(new Error("x"), { code: "InvalidOperation" })), messenger);
    await completeAfter(event, "Compute", async () => Promise.reject(new Error("Excel could not read the model tables: gone\n    at x")), messenger);
    warn.mockRestore();
    expect(shown).toEqual(["hello", expect.stringMatching(/^Compute failed\. Excel cannot do that right now/), "Compute failed: Excel could not read the model tables: gone"]);
    expect(event.completed).toHaveBeenCalledTimes(3);
  });

  it("completes the event even when the message cannot be shown", async () => {
    const event = { completed: jest.fn() };
    const messenger = { show: async () => Promise.reject(new Error("no dialog")) };
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await expect(completeAfter(event, "Validate", async () => ({ analysis: (await loadSampleAnalysis()).analysis, message: "m" }), messenger)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe("the message dialog", () => {
  it("opens message.html beside the function file with the text as a parameter, and closes on OK", async () => {
    const calls: { url: string; options: Office.DialogOptions }[] = [];
    const handlers: Record<string, () => void> = {};
    const dialog = { close: jest.fn(), addEventHandler: (type: string, handler: () => void) => void (handlers[type] = handler) };
    const ui: DialogUi = {
      displayDialogAsync: (url, options, callback) => {
        calls.push({ url, options });
        callback({ status: "succeeded", value: dialog } as unknown as Office.AsyncResult<Office.Dialog>);
      },
    };
    await createDialogMessenger(ui, "https://addins.example.org/sctvm/commands.html").show("Validate: 1 error & more");
    const url = new URL(calls[0]?.url ?? "");
    expect(url.origin + url.pathname).toBe("https://addins.example.org/sctvm/message.html");
    expect(url.searchParams.get("text")).toBe("Validate: 1 error & more");
    expect(calls[0]?.options.displayInIframe).toBe(true);
    handlers["dialogMessageReceived"]?.();
    expect(dialog.close).toHaveBeenCalled();
  });

  it("falls back to the console when the dialog cannot open, and cuts very long text", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const ui: DialogUi = { displayDialogAsync: (_url, _options, callback) => callback({ status: "failed", error: { message: "blocked", code: 12009 } } as unknown as Office.AsyncResult<Office.Dialog>) };
    await createDialogMessenger(ui, "https://x.example/commands.html").show("boom");
    expect(warn.mock.calls[0]?.[0]).toContain("boom");
    warn.mockRestore();
    expect(new URL(messageUrl("https://x.example/a.html", "y".repeat(5000))).searchParams.get("text")).toHaveLength(600);
  });
});
