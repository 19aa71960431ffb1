/** @jest-environment jsdom */
import { buildExports, EXPORT_FORMATS, parseExportOptions } from "../../export";
import { SCHEDULE_CSV_COLUMNS } from "../../export/csv/emit-csv";
import type { ScheduleChartConfig } from "../charts/schedule-chart-config";
import type { ExportActions } from "../export-actions";
import { loadSampleAnalysis } from "../../../test/taskpane/sample-analysis";
import { createExportView } from "./export-view";

function fakeActions() {
  const log = { downloads: [] as [string, string][], copies: [] as string[], sheets: [] as [string, unknown[][]][], charts: [] as ScheduleChartConfig[] };
  const actions: ExportActions = {
    download: (name, text) => void log.downloads.push([name, text]),
    copy: async (text) => void log.copies.push(text),
    writeSheet: async (name, rows) => (log.sheets.push([name, rows.map((r) => [...r])]), `${name} 2`),
    drawChart: (_canvas, config) => (log.charts.push(config), () => undefined),
  };
  return { actions, log };
}

const byId = <T extends HTMLElement>(root: HTMLElement, id: string): T => root.querySelector(`#${id}`) as T;
const set = (root: HTMLElement, id: string, value: string): void => {
  byId<HTMLInputElement | HTMLSelectElement>(root, id).value = value;
};

describe("export panel", () => {
  it("exports the chosen phase, provider, format and options: the same files as the CLI, downloadable and copyable", async () => {
    const { analysis, model, results } = await loadSampleAnalysis();
    const section = document.createElement("section");
    const { actions, log } = fakeActions();
    const view = createExportView(section, actions);
    view.render(analysis);
    expect(section.hidden).toBe(false);
    set(section, "export-phase", "FOC");
    set(section, "export-provider", "S1SP");
    set(section, "export-format", "k6");
    set(section, "export-hours", "22-2");
    set(section, "export-seconds-per-hour", "60");
    set(section, "export-shape", "ramp");
    byId<HTMLInputElement>(section, "export-burst").checked = true;
    byId<HTMLButtonElement>(section, "export-build").click();

    const parsed = parseExportOptions({ hours: "22-2", secondsPerHour: "60", shape: "ramp", burst: true });
    if (!parsed.ok) throw new Error("options");
    const cli = buildExports({ model, results, fingerprint: analysis.fingerprint ?? "", phase: "FOC", provider: "S1SP", formats: EXPORT_FORMATS.filter((f) => f.id === "k6"), options: parsed.options });
    if (!cli.ok) throw new Error(cli.error);
    const items = Array.from(section.querySelectorAll<HTMLElement>("#export-files li"));
    expect(items.map((li) => li.dataset["file"])).toEqual(cli.result.files.map((f) => f.name));
    expect(section.querySelector("#export-notes")?.textContent).toContain("rounding to whole targets per timeUnit");

    items[0]?.querySelector<HTMLButtonElement>('[data-action="download"]')?.click();
    expect(log.downloads).toEqual([[cli.result.files[0]?.name, cli.result.files[0]?.text]]);
    items[1]?.querySelector<HTMLButtonElement>('[data-action="copy"]')?.click();
    await Promise.resolve();
    expect(log.copies).toEqual([cli.result.files[1]?.text]);
    expect(section.querySelector("#export-status")?.textContent).toBe(`Copied ${cli.result.files[1]?.name} to the clipboard.`);

    expect(log.charts).toHaveLength(1);
    expect(log.charts[0]?.data.datasets.map((d) => d.label)).toEqual(cli.result.schedules[0]?.series.map((s) => s.name));
    expect(byId(section, "export-chart").getAttribute("aria-label")).toMatch(/^FOC S1SP: /);
  });

  it("writes the CSV schedule of every exported provider to a new sheet", async () => {
    const { analysis } = await loadSampleAnalysis();
    const section = document.createElement("section");
    const { actions, log } = fakeActions();
    createExportView(section, actions).render(analysis);
    set(section, "export-phase", "MOC");
    set(section, "export-provider", "(all providers)");
    set(section, "export-format", "csv");
    set(section, "export-hours", "0-1");
    byId<HTMLButtonElement>(section, "export-build").click();
    const csvFiles = Array.from(section.querySelectorAll<HTMLElement>("#export-files li")).map((li) => li.dataset["file"]);
    expect(csvFiles.length).toBeGreaterThan(1);
    const toSheet = byId<HTMLButtonElement>(section, "export-to-sheet");
    expect(toSheet.hidden).toBe(false);
    toSheet.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(log.sheets).toHaveLength(1);
    const [name, rows] = log.sheets[0] ?? ["", []];
    expect(name).toBe("sctvm Schedule MOC");
    expect(rows[0]).toEqual([...SCHEDULE_CSV_COLUMNS]);
    expect(new Set(rows.slice(1).map((r) => `${String(r[1])}`)).size).toBe(csvFiles.length);
    expect(section.querySelector("#export-status")?.textContent).toMatch(/^Wrote \d+ schedule rows to the new sheet 'sctvm Schedule MOC 2'\.$/);
  });

  it("says what is wrong with bad options and refuses a model with errors", async () => {
    const { analysis } = await loadSampleAnalysis();
    const section = document.createElement("section");
    const { actions, log } = fakeActions();
    const view = createExportView(section, actions);
    view.render(analysis);
    set(section, "export-hours", "25-1");
    set(section, "export-scale", "0");
    byId<HTMLButtonElement>(section, "export-build").click();
    const status = byId(section, "export-status");
    expect(status.getAttribute("role")).toBe("alert");
    expect(status.textContent).toMatch(/--hours must be A-B.*; --scale must be a number greater than 0/);
    expect(section.querySelectorAll("#export-files li")).toHaveLength(0);
    view.render({ ...analysis, model: undefined, results: undefined, errorCount: 1 });
    expect(byId<HTMLButtonElement>(section, "export-build").disabled).toBe(true);
    expect(byId(section, "export-status").textContent).toMatch(/model has errors/);
    expect(log.charts).toHaveLength(0);
  });
});
