/** @jest-environment jsdom */
import { debounce } from "./debounce";
import { readableArithmetic, showCompact, showFigure, showHour, showPercent, withoutFloatNoise } from "./format-figure";
import { friendlyError } from "./friendly-error";
import { loadSampleModel } from "./load-sample-model";
import { createBusyView } from "./views/busy-view";

describe("friendlyError", () => {
  it("names the action and keeps only the first line of the reason", () => {
    expect(friendlyError("Compute", new Error("Excel could not write: full\n    at x (y.js:1)"))).toBe("Compute failed: Excel could not write: full");
  });
  it("explains known Office.js error codes", () => {
    expect(friendlyError("Validate", { code: "InvalidOperation", message: "x" })).toContain("cell-edit mode");
  });
  it("copes with nothing useful", () => {
    expect(friendlyError("Insert template", undefined)).toBe("Insert template failed for an unknown reason. Try again.");
  });
});

describe("debounce", () => {
  it("calls once after the last of a burst, and not at all once cancelled", () => {
    jest.useFakeTimers();
    const fn = jest.fn();
    const later = debounce(fn, 500);
    later();
    jest.advanceTimersByTime(400);
    later();
    jest.advanceTimersByTime(499);
    expect(fn).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    later();
    later.cancel();
    jest.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
    jest.useRealTimers();
  });
});

describe("busy view", () => {
  it("shows progress only for slow work, disables the buttons meanwhile, and runs one task at a time", async () => {
    jest.useFakeTimers();
    const progress = document.createElement("div");
    progress.hidden = true;
    const label = document.createElement("span");
    const button = document.createElement("button");
    const busy = createBusyView(progress, label, [button], 250);
    const order: string[] = [];
    let finish: () => void = () => undefined;
    const slow = busy.run("Computing", () => new Promise<void>((r) => (finish = () => (order.push("slow"), r()))));
    const next = busy.run("Validating", async () => void order.push("next"));
    await Promise.resolve();
    expect(button.disabled).toBe(true);
    expect(progress.hidden).toBe(true);
    jest.advanceTimersByTime(250);
    expect(progress.hidden).toBe(false);
    expect(label.textContent).toBe("Computing…");
    finish();
    await slow;
    await next;
    expect(order).toEqual(["slow", "next"]);
    expect(progress.hidden).toBe(true);
    expect(button.disabled).toBe(false);
    jest.useRealTimers();
  });

  it("passes a failure to its caller and carries on with the next task", async () => {
    const busy = createBusyView(document.createElement("div"), document.createElement("span"), []);
    await expect(busy.run("A", async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    await expect(busy.run("B", async () => 2)).resolves.toBe(2);
  });
});

describe("display formats", () => {
  it("formats figures, percentages, hours and axis ticks", () => {
    expect(showFigure(1647862.4)).toBe("1,647,862");
    expect(showFigure(24.956)).toBe("24.96");
    expect(showFigure(0.041666667)).toBe("0.0416667");
    expect(showFigure(null)).toBe("–");
    expect(showPercent(1.0986)).toBe("109.9%");
    expect(showHour(2)).toBe("02:00–02:59");
    expect(showCompact(2_000_000)).toBe("2M");
  });

  it("shows utilisation in one unit: percent with exactly one decimal", () => {
    expect(showPercent(0.7071)).toBe("70.7%");
    expect(showPercent(1)).toBe("100.0%");
    expect(showPercent(0.5)).toBe("50.0%");
  });

  it("rounds arithmetic for reading, every number of it", () => {
    expect(readableArithmetic("50970.348000000005 / 3600 × 1.2 = 16.990116000000002")).toBe("50,970 / 3,600 × 1.2 = 16.99");
    expect(readableArithmetic("1000 × 0.041666666666666664 × (1 + 0.1) = 45.83333333333333")).toBe("1,000 × 0.0416667 × (1 + 0.1) = 45.83");
  });

  it("takes floating-point noise out of messages and leaves every other number and word alone", () => {
    expect(withoutFloatNoise("Profile Flat: hourly shares do not sum to 1 (found H00…H23 summing to 8.919999999999995; expected shares summing to 1 (within 1e-6)).")).toBe(
      "Profile Flat: hourly shares do not sum to 1 (found H00…H23 summing to 8.92; expected shares summing to 1 (within 1e-6)).",
    );
    expect(withoutFloatNoise("'Volumes'!C7 found 1.5 and 0.1234567, H02 = 1200")).toBe("'Volumes'!C7 found 1.5 and 0.1234567, H02 = 1200");
    expect(withoutFloatNoise("sum = 50970.348000000005")).toBe("sum = 50970.348");
  });
});

describe("loadSampleModel", () => {
  const respond = (status: number, body: unknown): typeof fetch => (async () => ({ ok: status === 200, status, json: async () => body }) as Response) as typeof fetch;
  it("returns the grids", async () => {
    await expect(loadSampleModel(respond(200, { tables: [], sheets: [] }))).resolves.toEqual({ tables: [], sheets: [] });
  });
  it("says what went wrong", async () => {
    await expect(loadSampleModel(respond(404, null))).rejects.toThrow("HTTP 404");
    await expect(loadSampleModel(respond(200, { nope: 1 }))).rejects.toThrow("not in the expected format");
  });
});
