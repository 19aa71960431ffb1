/**
 * @jest-environment jsdom
 *
 * The pane's evidence summary against `sctvm evidence` on the same workbook and files: the
 * same judgement (every number), the same one line for a bad file; and what the panel shows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ensureCliBuilt } from "../../test/support/ensure-cli-built";
import { makeTempDir, runProcess } from "../../test/support/run-cli";
import { rig, sampleWorkbook, SAMPLE_XLSX, sheetSnapshot } from "../../test/support/standin-fixtures";
import { analyseWorkbook } from "../engine";
import type { StandinWorkbook } from "../../test/standin/standin-workbook";
import { createEvidenceController, type EvidenceController } from "./evidence-controller";
import { createEvidenceView } from "./views/evidence-view";
import { validateModel } from "./model-operations";

jest.setTimeout(120_000);
const FIXTURES = join(__dirname, "../../test/fixtures/results");
let dir: string;
let remove: () => void;

beforeAll(() => {
  ensureCliBuilt();
  ({ dir, remove } = makeTempDir("evidence-pane"));
});
afterAll(() => remove());

/** Puts files into a file input as a person picking them would (jsdom cannot set `files` itself). */
function pick(section: HTMLElement, id: string, files: { name: string; text: string }[]): void {
  const input = section.querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;
  Object.defineProperty(input, "files", { configurable: true, value: files.map((f) => new File([f.text], f.name)) });
}

function choose(section: HTMLElement, id: string, value: string): void {
  const select = section.querySelector<HTMLSelectElement>(`#${id}`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event("change"));
}

/** What the panel's Download buttons were asked to save. */
let downloads: Map<string, string>;

async function mount(standin: StandinWorkbook): Promise<{ controller: EvidenceController; section: HTMLElement }> {
  const { workbook } = rig(standin);
  const section = document.createElement("section");
  section.hidden = true;
  document.body.replaceChildren(section);
  downloads = new Map();
  const actions = { download: (name: string, text: string) => void downloads.set(name, text), copy: async () => undefined };
  const view = createEvidenceView(section, { onJudge: () => undefined, onSchedule: () => undefined }, actions);
  const controller = createEvidenceController({ workbook, view });
  controller.render(await validateModel(workbook));
  return { controller, section };
}

function clickAll(section: HTMLElement, selector: string): void {
  for (const b of section.querySelectorAll<HTMLButtonElement>(selector)) b.click();
}

const fixture = (name: string): { name: string; text: string } => ({ name, text: readFileSync(join(FIXTURES, name), "utf8") });
const text = (section: HTMLElement, selector: string): string => section.querySelector(selector)?.textContent ?? "";

/** `sctvm evidence` on the sample workbook and a fixture, as JSON (or its stderr). */
async function cli(results: string, format: string, phase: string, provider: string): Promise<{ code: number; json: unknown; stderr: string }> {
  const run = await runProcess(["evidence", SAMPLE_XLSX, "--results", results, "--format", format, "--phase", phase, "--provider", provider, "--out", join(dir, "out"), "--json"], FIXTURES);
  return { code: run.code, json: run.code <= 1 ? JSON.parse(run.stdout) : null, stderr: run.stderr.trim() };
}

describe("the pane's evidence summary", () => {
  it.each([
    ["locust", ["locust_stats.csv", "locust_stats_history.csv"]],
    ["k6", ["k6-summary.json"]],
    ["artillery", ["artillery-report.json"]],
    ["jmeter", ["jmeter.jtl"]],
  ])("judges a %s results file exactly as sctvm evidence does", async (format, [results, history]) => {
    const standin = await sampleWorkbook();
    const { controller, section } = await mount(standin);
    expect(section.hidden).toBe(false);
    choose(section, "evidence-format", format);
    choose(section, "evidence-phase", "FOC");
    choose(section, "evidence-provider", "S1SP");
    pick(section, "evidence-results", [fixture(results as string)]);
    if (history) pick(section, "evidence-history", [fixture(history)]);
    const [pane, fromCli] = await Promise.all([controller.judge(), cli(results as string, format, "FOC", "S1SP")]);
    expect(fromCli.stderr).toBe("");
    expect(pane).toBeDefined();
    // Every figure, check, step and note, as the CLI's evidence.json has them.
    expect(JSON.parse(JSON.stringify(pane))).toEqual(fromCli.json);
    const verdict = pane?.verdict === "MET" ? "MET" : "NOT MET";
    expect(text(section, "#evidence-verdict")).toMatch(new RegExp(`^${verdict}: S1SP in FOC — \\d of \\d requisite-level checks pass\\.$`));
    expect([...section.querySelectorAll(".evidence-checks td:last-child")].map((td) => td.textContent)).toEqual(pane?.checks.map((c) => (c.met ? "PASS" : "FAIL")));
    // The report to attach: the very files sctvm evidence --out writes.
    clickAll(section, '#evidence-files [data-action="download"]');
    expect([...downloads.keys()]).toEqual(["evidence.html", "evidence.md"]);
    expect(downloads.get("evidence.html")).toBe(readFileSync(join(dir, "out", "evidence.html"), "utf8"));
    expect(downloads.get("evidence.md")).toBe(readFileSync(join(dir, "out", "evidence.md"), "utf8"));
  });

  it("shows the CLI's one line for a bad results file, and nothing else", async () => {
    const { controller, section } = await mount(await sampleWorkbook());
    choose(section, "evidence-format", "artillery");
    const cut = { name: "cut.json", text: fixture("artillery-report.json").text.slice(0, 500) };
    pick(section, "evidence-results", [cut]);
    const cliDir = makeTempDir("evidence-pane-cut");
    try {
      require("node:fs").writeFileSync(join(cliDir.dir, "cut.json"), cut.text);
      const run = await runProcess(["evidence", SAMPLE_XLSX, "--results", "cut.json", "--format", "artillery", "--phase", "IOC", "--provider", "DSP", "--out", "o"], cliDir.dir);
      expect(run.code).toBe(3);
      expect(await controller.judge()).toBeUndefined();
      expect(`sctvm: ${text(section, "#evidence-message")}`).toBe(run.stderr.trim());
      expect(text(section, "#evidence-message")).toMatch(/^cut\.json: .*truncated/);
      expect(section.querySelector("#evidence-result")?.childElementCount).toBe(0);
    } finally {
      cliDir.remove();
    }
  });

  it("charts planned vs achieved per step from the schedule, and never changes the workbook", async () => {
    // A schedule for FOC S1SP exported from the sample, hours 4–6 at 10 s an hour, and a JTL that meets it.
    const standin = await sampleWorkbook();
    const before = JSON.stringify(sheetSnapshot(standin, standin.sheets.map((s) => s.name)));
    const { controller, section } = await mount(standin);
    const run = await runProcess(["export", SAMPLE_XLSX, "--format", "json", "--phase", "FOC", "--provider", "S1SP", "--hours", "4-6", "--seconds-per-hour", "10", "--out", join(dir, "load")], dir);
    expect(run.code).toBe(0);
    const schedule = { name: "FOC_S1SP.json", text: readFileSync(join(dir, "load", "FOC_S1SP.json"), "utf8") };
    const doc = JSON.parse(schedule.text) as { steps: unknown[]; series: { name: string; rates: { expectedCount: number }[] }[] };
    const lines = ["timeStamp,elapsed,label,responseCode,success"];
    doc.series.forEach((s) => s.rates.forEach((r, step) => {
      for (let k = 0; k < Math.round(r.expectedCount); k++) lines.push(`${1_800_000_000_000 + step * 10_000 + Math.floor((k * 10_000) / Math.max(1, Math.round(r.expectedCount)))},100,${s.name},200,true`);
    }));
    choose(section, "evidence-format", "jmeter");
    choose(section, "evidence-phase", "IOC");
    choose(section, "evidence-provider", "DSP");
    pick(section, "evidence-results", [{ name: "run.jtl", text: `${lines.join("\n")}\n` }]);
    // Picking the schedule sets the phase and provider it was exported for.
    pick(section, "evidence-schedule", [schedule]);
    await controller.schedulePicked();
    expect([(section.querySelector("#evidence-phase") as HTMLSelectElement).value, (section.querySelector("#evidence-provider") as HTMLSelectElement).value]).toEqual(["FOC", "S1SP"]);
    const e = await controller.judge();
    expect(e?.steps).toHaveLength(doc.steps.length);
    expect(section.querySelectorAll("#evidence-chart rect.planned")).toHaveLength(doc.steps.length);
    expect(section.querySelectorAll("#evidence-chart circle.achieved")).toHaveLength(doc.steps.length);
    const heights = [...section.querySelectorAll("#evidence-chart rect.planned")].map((r) => Number(r.getAttribute("height")));
    const planned = e?.steps.map((s) => s.plannedCount) ?? [];
    // Bars are in proportion to the planned counts (the largest reaches the top of the plot).
    const k = Math.max(...heights) / Math.max(...planned);
    heights.forEach((hgt, i) => expect(hgt).toBeCloseTo((planned[i] ?? 0) * k, 0));

    // The same schedule for another provider is refused with a clear line.
    choose(section, "evidence-provider", "DSP");
    expect(await controller.judge()).toBeUndefined();
    expect(text(section, "#evidence-message")).toBe("FOC_S1SP.json is for FOC S1SP, not FOC DSP: pick that phase and provider, or another schedule.");
    expect(JSON.stringify(sheetSnapshot(standin, standin.sheets.map((s) => s.name)))).toBe(before);
  });

  it("asks for a results file before judging, and offers the model's phases and providers", async () => {
    const { controller, section } = await mount(await sampleWorkbook());
    const a = analyseWorkbook(await rig(await sampleWorkbook()).workbook.readModel());
    expect([...section.querySelectorAll("#evidence-phase option")].map((o) => o.textContent)).toEqual(a.model?.phases.map((p) => p.name));
    expect([...section.querySelectorAll("#evidence-provider option")].map((o) => o.textContent)).toEqual(a.model?.providers.map((p) => p.name));
    expect(await controller.judge()).toBeUndefined();
    expect(text(section, "#evidence-message")).toBe("Pick the harness's results file first.");
  });
});
