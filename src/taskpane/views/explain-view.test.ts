/** @jest-environment jsdom */
import type { Explanation } from "../../engine";
import { createExplainView } from "./explain-view";

const explanation: Explanation = {
  figure: "rates-by-dmc.csv per_hour",
  phase: "IOC",
  provider: "DSP",
  hour: 2,
  dmc: "S1-A",
  value: 30,
  unit: "transactions/hour",
  formula: "Σ over transactions of load",
  terms: [
    { label: "Read", value: 10, arithmetic: "1000 × 0.01 × 1 = 10", inputs: [{ name: "Population", value: 1000, table: "Volumes", cell: "'Volumes'!C2" }, { name: "Contingency", value: 0, table: "Settings", cell: "" }] },
    { label: "Alerts", value: 20, terms: [{ label: "a", value: 5 }, { label: "b", value: 15 }] },
  ],
};

describe("explain view", () => {
  it("shows the value, the formula and terms whose data-values sum to it", () => {
    const root = document.createElement("div");
    createExplainView(root, () => undefined).render({ kind: "explanation", explanation, address: "'sctvm By DMC'!E5", outdated: false });
    expect(root.querySelector(".explain-value")?.getAttribute("data-value")).toBe("30");
    expect(root.textContent).toContain("Σ over transactions of load");
    expect(root.textContent).toContain("IOC · DSP · 02:00–02:59 · DMC S1-A");
    const top = Array.from(root.querySelectorAll<HTMLElement>('.term[data-level="0"]'));
    expect(top.reduce((s, t) => s + Number(t.dataset["value"]), 0)).toBe(30);
    const nested = Array.from(root.querySelectorAll<HTMLElement>('.term[data-level="1"]'));
    expect(nested.map((t) => Number(t.dataset["value"]))).toEqual([5, 15]);
  });

  it("makes each input with a cell a button that selects it, and marks defaults", () => {
    const root = document.createElement("div");
    const selected: string[] = [];
    createExplainView(root, (cell) => selected.push(cell)).render({ kind: "explanation", explanation, address: "'sctvm By DMC'!E5", outdated: false });
    const buttons = root.querySelectorAll<HTMLButtonElement>(".input button");
    expect(buttons).toHaveLength(1);
    buttons[0]?.click();
    expect(selected).toEqual(["'Volumes'!C2"]);
    expect(root.textContent).toContain("Settings: default");
  });

  it("warns when the sheet's figure differs from the model's", () => {
    const root = document.createElement("div");
    createExplainView(root, () => undefined).render({ kind: "explanation", explanation, address: "'sctvm By DMC'!E5", outdated: true });
    expect(root.textContent).toContain("older than the model");
  });

  it("shows a prompt when nothing is selected and a message for a cell that is not a figure", () => {
    const root = document.createElement("div");
    const view = createExplainView(root, () => undefined);
    view.render({ kind: "idle" });
    expect(root.dataset["state"]).toBe("idle");
    view.render({ kind: "message", address: "'sctvm Summary'!A5", text: "phase is a key, not a derived figure" });
    expect(root.textContent).toBe("sctvm Summary!A5: phase is a key, not a derived figure");
  });
});

describe("explain view inputs without a cell", () => {
  it("calls a figure derived from other outputs derived, not a default", () => {
    const root = document.createElement("div");
    const e: Explanation = { ...explanation, terms: [{ label: "r / c", value: 1, inputs: [{ name: "required_per_hour", value: 2, table: "provider-hourly", cell: "" }] }], value: 1 };
    createExplainView(root, () => undefined).render({ kind: "explanation", explanation: e, address: "'sctvm Summary'!K16", outdated: false });
    expect(root.textContent).toContain("derived (provider-hourly)");
    expect(root.textContent).not.toContain("default");
  });
});

describe("explain view, status and utilisation", () => {
  it("shows a status as its two comparisons, each limit a link to its cell", () => {
    const root = document.createElement("div");
    const selected: string[] = [];
    const e = {
      ...explanation,
      figure: "provider-summary.csv status",
      unit: "fraction",
      value: 1.1,
      formula: "PASS when …",
      terms: [],
      status: "FAIL" as const,
      checks: [
        { basis: "per_hour" as const, required: 1_060_000, limit: 1_500_000, limitCell: "'Model'!K7", ratio: 0.7067, passes: true },
        { basis: "per_second" as const, required: 440, limit: 400, limitCell: "'Model'!L7", ratio: 1.1, passes: false },
      ],
    };
    createExplainView(root, (c) => selected.push(c)).render({ kind: "explanation", explanation: e, address: "'sctvm Summary'!L9", outdated: false });
    expect(root.querySelector(".explain-value")?.getAttribute("data-status")).toBe("FAIL");
    const checks = Array.from(root.querySelectorAll<HTMLElement>(".check-item"));
    expect(checks.map((c) => c.textContent)).toEqual([
      expect.stringContaining("Per hour: pass70.7%required 1,060,000/h ≤ CapacityPerHour 1,500,000/h (29.3% spare)"),
      expect.stringContaining("Per second: FAIL110.0%required 440/s > PeakPerSecond 400/s (10.0% over)"),
    ]);
    checks[1]?.querySelector("button")?.click();
    expect(selected).toEqual(["'Model'!L7"]);
  });

  it("shows utilisation as a percentage with one decimal, the exact fraction on hover", () => {
    const root = document.createElement("div");
    createExplainView(root, () => undefined).render({ kind: "explanation", explanation: { ...explanation, unit: "fraction", value: 0.70712345 }, address: "'sctvm Summary'!K9", outdated: false });
    const value = root.querySelector<HTMLElement>(".explain-value");
    expect(value?.textContent).toBe("70.7% of capacity");
    expect(value?.title).toBe("Exact: 0.70712345");
  });

  it("rounds arithmetic and figures for reading, with the exact text in the tooltip", () => {
    const root = document.createElement("div");
    const noisy = { ...explanation, value: 50970.348000000005, terms: [{ label: "x", value: 50970.348000000005, arithmetic: "42475.29 × 1.2 = 50970.348000000005" }] };
    createExplainView(root, () => undefined).render({ kind: "explanation", explanation: noisy, address: "'sctvm Summary'!G9", outdated: false });
    const arithmetic = root.querySelector<HTMLElement>(".arithmetic");
    expect(arithmetic?.textContent).toBe("42,475 × 1.2 = 50,970");
    expect(arithmetic?.title).toBe("Exact: 42475.29 × 1.2 = 50970.348000000005");
    expect(root.textContent).not.toMatch(/\d\.\d{7,}/);
    expect(root.querySelector<HTMLElement>(".term-value")?.title).toBe("Exact: 50970.348000000005");
  });
});
