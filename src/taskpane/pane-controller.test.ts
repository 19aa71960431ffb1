/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CellGrid, WorkbookGrids } from "../engine";
import { createFakeWorkbook, type FakeWorkbook } from "../../test/taskpane/fake-workbook";
import { loadSampleAnalysis } from "../../test/taskpane/sample-analysis";
import { byId } from "./dom";
import { createPaneController, type PaneController } from "./pane-controller";
import { createBannerView } from "./views/banner-view";
import { createBusyView } from "./views/busy-view";
import { createCalcNoticeView } from "./views/calc-notice-view";
import type { ChartsView } from "./views/charts-view";
import { createExplainView } from "./views/explain-view";
import { createIssuesView } from "./views/issues-view";
import { createSummaryView } from "./views/summary-view";
import { createTemplateView } from "./views/template-view";

const PAGE = readFileSync(resolve(__dirname, "taskpane.html"), "utf8");

function mountPane(workbook: FakeWorkbook, charts: ChartsView = { render: jest.fn() }): PaneController {
  // Test set-up only: the page's own markup, scripts stripped.
  document.body.innerHTML = (/<body>([\s\S]*)<\/body>/.exec(PAGE)?.[1] ?? "").replace(/<script[\s\S]*?<\/script>/g, "");
  const select = (cell: string): void => void controller.selectCell(cell);
  const controller = createPaneController({
    workbook,
    loadSample: async () => (await loadSampleAnalysis()).grids,
    now: () => new Date("2024-05-01T10:00:00Z"),
    revalidateAfterMs: 10,
    views: {
      banner: createBannerView(byId("banner")),
      busy: createBusyView(byId("progress"), byId("progress-label"), [byId<HTMLButtonElement>("compute")]),
      issues: createIssuesView(byId("issues"), byId("issue-counts"), select),
      template: createTemplateView(byId("template-report")),
      summary: createSummaryView(byId("summary"), byId("stale"), byId("stale-reason")),
      charts,
      explain: createExplainView(byId("explain"), select),
      calcNotice: createCalcNoticeView(byId("calc-notice"), () => void controller.calculateNow()),
      modelName: (text) => void (byId("model-name").textContent = text),
    },
  });
  return controller;
}

const withCell = (grids: WorkbookGrids, table: string, row: number, col: number, value: string | number): WorkbookGrids => ({
  ...grids,
  tables: grids.tables.map((t): CellGrid => (t.name !== table ? t : { ...t, rows: t.rows.map((r, i) => (i !== row ? r : r.map((v, j) => (j === col ? value : v)))) })),
});

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe("pane controller", () => {
  it("inserts the sample template, then reports every table skipped on a second insert", async () => {
    const workbook = createFakeWorkbook();
    const pane = mountPane(workbook);
    await pane.insertTemplate("sample");
    expect(byId("template-report").querySelectorAll(".report-created li")).toHaveLength(9);
    expect(byId("issue-counts").dataset["errors"]).toBe("0");
    await pane.insertTemplate("sample");
    expect(byId("template-report").querySelectorAll(".report-created li")).toHaveLength(0);
    expect(byId("template-report").querySelectorAll(".report-skipped li")).toHaveLength(9);
  });

  it("computes: writes the results stamped now and shows PASS and FAIL per phase and provider", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    const charts = { render: jest.fn() };
    const pane = mountPane(workbook, charts);
    await pane.compute();
    expect(workbook.writes.map((w) => w.stamp)).toEqual(["2024-05-01T10:00:00.000Z"]);
    const rows = Array.from(document.querySelectorAll<HTMLElement>("#summary tr[data-status]"));
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.dataset["status"] === "FAIL").map((r) => `${r.dataset["phase"]} ${r.dataset["provider"]}`)).toEqual(["FOC S1SP"]);
    expect(byId("model-name").textContent).toBe("Appendix A sample volume model v1.0");
    expect(charts.render).toHaveBeenCalledWith(expect.objectContaining({ phases: expect.any(Array) }), expect.objectContaining({ summaries: expect.any(Array) }));
    expect(byId("stale").hidden).toBe(true);
  });

  it("lists result sheets it could not write because a sheet of that name is not the add-in's", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    workbook.clashes = ["sctvm Summary"];
    const pane = mountPane(workbook);
    await pane.compute();
    expect(Array.from(document.querySelectorAll("#summary .report-clash li")).map((li) => li.textContent)).toEqual(["sctvm Summary"]);
    expect(byId("summary").textContent).toContain("Written to 4 sheets");
  });

  it("re-validates after input edits and marks results stale until the inputs are as computed", async () => {
    const { grids } = await loadSampleAnalysis();
    const workbook = createFakeWorkbook(grids);
    const pane = mountPane(workbook);
    await pane.start();
    await pane.compute();
    workbook.editInputs((g) => withCell(g, "Volumes", 1, 2, "lots"));
    expect(byId("stale").hidden).toBe(false);
    await wait(60);
    expect(byId("issue-counts").dataset["errors"]).toBe("1");
    const issue = document.querySelector<HTMLElement>("#issues li.issue");
    expect(issue?.dataset["code"]).toBe("NOT_A_NUMBER");
    issue?.querySelector("button")?.click();
    expect(workbook.selections).toEqual([issue?.dataset["cell"]]);
    workbook.editInputs(() => grids);
    await wait(60);
    expect(byId("stale").hidden).toBe(true);
  });

  it("explains the selected result figure, keeps it while an input is selected, and says when a cell is not a figure", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    const pane = mountPane(workbook);
    await pane.compute();
    workbook.selected = { file: "provider-hourly.csv", column: "per_hour", row: { phase: "FOC", provider: "S1SP", hour: 2, per_hour: 0 }, address: "'sctvm Provider hourly'!D75" };
    await pane.explainSelection();
    const value = Number(document.querySelector<HTMLElement>("#explain .explain-value")?.dataset["value"]);
    const terms = Array.from(document.querySelectorAll<HTMLElement>('#explain .term[data-level="0"]'));
    expect(terms.length).toBeGreaterThan(1);
    expect(terms.reduce((s, t) => s + Number(t.dataset["value"]), 0)).toBeCloseTo(value, 6);
    expect(byId("explain").textContent).toContain("older than the model");
    const figure = workbook.selected;
    workbook.selected = undefined;
    await pane.explainSelection();
    expect(byId("explain").dataset["state"]).toBe("explanation");
    workbook.selected = { ...figure, column: "phase" };
    await pane.explainSelection();
    expect(byId("explain").dataset["state"]).toBe("message");
    workbook.selected = undefined;
    await pane.explainSelection();
    expect(byId("explain").dataset["state"]).toBe("idle");
  });

  it("clears the explanation when a title, a header or a blank cell of a result sheet is selected", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    const pane = mountPane(workbook);
    await pane.compute();
    const figure = { file: "provider-summary.csv" as const, column: "utilisation", row: { phase: "FOC", provider: "S1SP", utilisation: 1.0986 }, address: "'sctvm Summary'!K16" };
    workbook.selected = figure;
    await pane.explainSelection();
    expect(byId("explain").dataset["state"]).toBe("explanation");
    workbook.selected = { file: "provider-summary.csv", address: "'sctvm Summary'!A1", notAFigure: true };
    await pane.explainSelection();
    expect(byId("explain").dataset["state"]).toBe("idle");
    workbook.selected = figure;
    await pane.explainSelection();
    workbook.selected = { file: "provider-summary.csv", column: "capacity_per_second", row: { phase: "FOC", provider: "DCO", capacity_per_second: null }, address: "'sctvm Summary'!J15" };
    await pane.explainSelection();
    expect(byId("explain").dataset["state"]).toBe("idle");
  });

  it("explains each summary cell as itself: a capacity links to its PerformanceLevels cell, a status shows both checks", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    const pane = mountPane(workbook);
    await pane.compute();
    const at = (column: string, value: string | number) => ({ file: "provider-summary.csv" as const, column, row: { phase: "FOC", provider: "S1SP", [column]: value }, address: "'sctvm Summary'!I16" });
    workbook.selected = at("capacity_per_hour", 1_800_000);
    await pane.explainSelection();
    expect(byId("explain").querySelector<HTMLElement>(".input")?.dataset["cell"]).toMatch(/^'Model'!K\d+$/);
    expect(byId("explain").textContent).not.toContain("required_per_hour");
    workbook.selected = at("status", "FAIL");
    await pane.explainSelection();
    expect(Array.from(byId("explain").querySelectorAll<HTMLElement>(".check-item")).map((c) => `${c.dataset["basis"]} ${c.dataset["passes"]}`)).toEqual(["per_hour false", "per_second false"]);
  });

  it("keeps the last good results when Compute meets errors, marked stale with the reason", async () => {
    const { grids } = await loadSampleAnalysis();
    const workbook = createFakeWorkbook(grids);
    const charts = { render: jest.fn() };
    const pane = mountPane(workbook, charts);
    await pane.compute();
    workbook.grids = withCell(grids, "Volumes", 1, 2, "lots");
    await pane.compute();
    expect(workbook.writes).toHaveLength(2);
    expect(document.querySelectorAll("#summary tr[data-status]")).toHaveLength(12);
    expect(byId("stale").hidden).toBe(false);
    expect(byId("stale-reason").hidden).toBe(false);
    expect(byId("stale-reason").textContent).toBe("The model now has 1 error: these are the results of the last good Compute (2024-05-01 10:00 UTC). Fix the errors and compute again.");
    expect(charts.render).toHaveBeenCalledTimes(1);
    expect(byId("issue-counts").dataset["errors"]).toBe("1");
    workbook.grids = grids;
    await pane.compute();
    expect(byId("stale").hidden).toBe(true);
    expect(byId("stale-reason").hidden).toBe(true);
  });

  it("says the result sheets of an earlier session are kept when the first Compute meets errors", async () => {
    const { grids } = await loadSampleAnalysis();
    const workbook = createFakeWorkbook(withCell(grids, "Volumes", 1, 2, "lots"));
    workbook.writes.push({ analysis: (await loadSampleAnalysis()).analysis, stamp: "earlier" });
    const pane = mountPane(workbook);
    await pane.compute();
    expect(byId("summary").textContent).toContain("The model has 1 error");
    expect(byId("summary").querySelector<HTMLElement>("[data-kept]")?.textContent).toContain("kept, marked stale");
  });

  it("says when Excel calculates manually and offers to calculate, then validates again", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    workbook.mode = "Manual";
    const pane = mountPane(workbook);
    await pane.validate();
    const notice = byId("calc-notice");
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toContain("manual calculation");
    const reads = workbook.reads;
    notice.querySelector("button")?.click();
    await wait(30);
    expect(workbook.calculations).toBe(1);
    expect(workbook.reads).toBeGreaterThan(reads);
    expect(byId("calc-notice").textContent).toContain("Calculated.");
    workbook.mode = "Automatic";
    await pane.validate();
    expect(byId("calc-notice").hidden).toBe(true);
  });

  it("marks its results stale when the result sheets change outside the pane (the ribbon's Compute)", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    const pane = mountPane(workbook);
    await pane.start();
    workbook.fireResultsChanged();
    expect(byId("stale").hidden).toBe(true);
    await pane.compute();
    workbook.fireResultsChanged();
    expect(byId("stale").hidden).toBe(false);
    expect(byId("stale-reason").textContent).toContain("changed outside this pane");
  });

  it("shows a failure as one friendly sentence in the banner", async () => {
    const workbook = createFakeWorkbook();
    workbook.readModel = async () => {
      throw Object.assign(new Error("Excel could not read the model tables: boom\n    at stack"), { code: undefined });
    };
    const pane = mountPane(workbook);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await pane.validate();
    warn.mockRestore();
    expect(byId("banner").hidden).toBe(false);
    expect(byId("banner").textContent).toContain("Validate failed: Excel could not read the model tables: boom");
    expect(byId("banner").textContent).not.toContain("at stack");
    expect(byId<HTMLButtonElement>("compute").disabled).toBe(false);
  });
});
