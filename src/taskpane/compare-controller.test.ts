/** @jest-environment jsdom */
import { handTables } from "../../test/support/compare-pairs";
import { rig, sheetSnapshot, workbookOfTables } from "../../test/support/standin-fixtures";
import { cellKey, createSheet, type StandinWorkbook } from "../../test/standin/standin-workbook";
import { BASELINE_MARK, BASELINE_SHEET, createOfficeBaselineStore } from "../io/office/baseline-sheet";
import { OWNER_PROPERTY } from "../io/office/owned-sheet";
import { createCompareController, type CompareController } from "./compare-controller";
import { compareChartData, createCompareView } from "./views/compare-view";
import { createPhaseMappingView } from "./views/phase-mapping-view";
import type { Comparison } from "../engine";

const INPUTS = Object.keys(handTables());

function mount(standin: StandinWorkbook): { controller: CompareController; section: HTMLElement } {
  const { host, workbook } = rig(standin);
  const run = host.Excel.run as unknown as Parameters<typeof createOfficeBaselineStore>[0];
  const section = document.createElement("section");
  const mappingBox = document.createElement("div");
  section.append(mappingBox);
  document.body.replaceChildren(section);
  const mapping = createPhaseMappingView(mappingBox, () => void controller.compareWithBaseline());
  const controller = createCompareController({ workbook: { ...workbook, ...createOfficeBaselineStore(run) }, view: createCompareView(section), mapping, now: () => new Date("2024-05-01T10:00:00Z") });
  return { controller, section };
}

async function waitFor(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
}

const text = (section: HTMLElement, selector: string): string => section.querySelector(selector)?.textContent ?? "";

/** Population × k in every Volumes row of the stand-in (a person editing the inputs). */
function scalePopulation(standin: StandinWorkbook, k: number): void {
  const sheet = standin.sheets.find((s) => s.name === "Volumes")!;
  for (let r = 1; r <= 4; r++) {
    const cell = sheet.cells.get(cellKey(r, 2))!;
    cell.value = (cell.value as number) * k;
  }
}

describe("the compare chart's data", () => {
  it("lists each phase and provider's daily totals in key order, outside-band bars marked, mapped phases named with their baseline phase", () => {
    const c = { rows: [
      { order: 2, phase: "MOC", baselinePhase: "IOC", provider: "DSP", dailyTotal: { baseline: 8000, model: 16000, withinTolerance: false } },
      { order: 1, phase: "IOC", baselinePhase: "IOC", provider: "S1SP", dailyTotal: { baseline: 1000, model: 1300, withinTolerance: false } },
      { order: 0, phase: "IOC", baselinePhase: "IOC", provider: "DSP", dailyTotal: { baseline: 8000, model: 8100, withinTolerance: true } },
    ] } as unknown as Comparison;
    expect(compareChartData(c)).toEqual([
      { label: "IOC DSP", baseline: 8000, model: 8100, outside: false },
      { label: "IOC S1SP", baseline: 1000, model: 1300, outside: true },
      { label: "MOC←IOC DSP", baseline: 8000, model: 16000, outside: true },
    ]);
  });
});

describe("Save baseline / Compare with baseline in the pane", () => {
  it("keeps the snapshot on a very hidden sheet it owns, never touching an input, and compares later models with it", async () => {
    const standin = workbookOfTables(handTables());
    const inputsBefore = JSON.stringify(sheetSnapshot(standin, INPUTS));
    const { controller, section } = mount(standin);

    await controller.compareWithBaseline();
    expect(text(section, ".compare-message")).toMatch(/No baseline saved in this workbook yet/);

    await controller.saveBaseline();
    const sheet = standin.sheets.find((s) => s.name === BASELINE_SHEET);
    expect(sheet?.visibility).toBe("VeryHidden");
    expect(sheet?.customProperties).toEqual({ [OWNER_PROPERTY]: BASELINE_MARK });
    expect(JSON.stringify(sheetSnapshot(standin, INPUTS))).toBe(inputsBefore);
    expect(text(section, ".compare-baseline")).toMatch(/^Baseline: Hand 1, saved 2024-05-01T10:00:00\.000Z, fingerprint [0-9a-f]{12}…$/);

    await controller.compareWithBaseline();
    expect(text(section, ".verdict")).toBe("Broadly as predicted: every figure within ±10%.");

    scalePopulation(standin, 1.3);
    const editedInputs = JSON.stringify(sheetSnapshot(standin, INPUTS));
    await controller.compareWithBaseline();
    expect(JSON.stringify(sheetSnapshot(standin, INPUTS))).toBe(editedInputs);
    // Chart: daily totals by hand — IOC DSP 2 × (1000 + 3000) = 8,000 then 10,400; the largest bar is MOC DSP's 20,800.
    expect([...section.querySelectorAll("svg text.compare-chart-label")].map((t) => t.textContent)).toEqual(["IOC DSP", "IOC S1SP", "MOC DSP", "MOC S1SP"]);
    const widths = [...section.querySelectorAll("svg rect")].map((r) => r.getAttribute("width"));
    expect(widths.slice(0, 2)).toEqual([((8000 / 20800) * 200).toFixed(1), ((10400 / 20800) * 200).toFixed(1)]);
    expect(widths[5]).toBe("200.0");
    expect(text(section, ".verdict")).toBe("Changed: 8 figure(s) outside ±10%.");
    expect(section.querySelectorAll(".compare-table tr.outside")).toHaveLength(8);
    expect(section.querySelectorAll("svg rect.compare-bar-model.outside")).toHaveLength(4);
    expect(text(section, ".compare-attribution")).toContain("IOC DSP daily total +2,400 (+30.0%)populations and volumes +2,400 (B +1,800, A +600)");

    // Saving again replaces the add-in's own sheet (one sheet, the new model).
    await controller.saveBaseline();
    expect(standin.sheets.filter((s) => s.name === BASELINE_SHEET)).toHaveLength(1);
    await controller.compareWithBaseline();
    expect(text(section, ".verdict")).toMatch(/^Broadly as predicted/);
  });

  it("leaves a person's sheet of the same name alone and says why", async () => {
    const standin = workbookOfTables(handTables());
    const theirs = createSheet(BASELINE_SHEET);
    theirs.cells.set(cellKey(0, 0), { value: "my notes" });
    standin.sheets.push(theirs);
    const { controller, section } = mount(standin);
    await controller.saveBaseline();
    expect(text(section, ".compare-message")).toMatch(/a sheet named 'sctvm Baseline' that the add-in did not make is in the way/);
    expect(theirs.cells.get(cellKey(0, 0))?.value).toBe("my notes");
    expect(theirs.visibility).toBe("Visible");
    await controller.compareWithBaseline();
    expect(text(section, ".compare-message")).toMatch(/No baseline saved/);
  });

  it("maps the model's MOC to the baseline's IOC with one select, by the engine's compare, and can leave a phase out", async () => {
    const standin = workbookOfTables(handTables());
    const { controller, section } = mount(standin);
    await controller.saveBaseline();
    const selects = [...section.querySelectorAll<HTMLSelectElement>("select[data-phase]")];
    expect(selects.map((s) => [s.dataset["phase"], s.value])).toEqual([["IOC", "IOC"], ["MOC", "MOC"]]);
    expect([...(selects[1]?.options ?? [])].map((o) => o.textContent)).toEqual(["IOC", "MOC", "not compared"]);

    // MOC ← IOC: the hand model's MOC doubles IOC's populations, so DSP's daily total is 16,000 against 8,000.
    const moc = selects[1] as HTMLSelectElement;
    moc.value = "IOC";
    moc.dispatchEvent(new Event("change"));
    await waitFor(() => text(section, ".verdict") !== "");
    expect(text(section, ".verdict")).toBe("Changed: 4 figure(s) outside ±10%.");
    expect(text(section, ".compare-attribution")).toContain("MOC←IOC DSP daily total +8,000 (+100.0%)populations and volumes +8,000 (B +6,000, A +2,000)");
    expect([...section.querySelectorAll("svg text.compare-chart-label")].map((t) => t.textContent)).toEqual(["IOC DSP", "IOC S1SP", "MOC←IOC DSP", "MOC←IOC S1SP"]);
    expect([...section.querySelectorAll(".compare-table td:first-child")].map((t) => t.textContent)).toContain("MOC (vs IOC)");

    // The choice survives a new compare; a phase left out is not compared; none at all says so.
    const ioc = section.querySelector<HTMLSelectElement>('select[data-phase="IOC"]') as HTMLSelectElement;
    ioc.value = "";
    await controller.compareWithBaseline();
    expect(section.querySelector<HTMLSelectElement>('select[data-phase="MOC"]')?.value).toBe("IOC");
    expect([...section.querySelectorAll("svg text.compare-chart-label")].map((t) => t.textContent)).toEqual(["MOC←IOC DSP", "MOC←IOC S1SP"]);
    (section.querySelector('select[data-phase="MOC"]') as HTMLSelectElement).value = "";
    await controller.compareWithBaseline();
    expect(text(section, ".compare-message")).toMatch(/No phase is compared/);
    expect(section.querySelector(".compare-result")?.childElementCount).toBe(0);
  });

  it("shows the mapping on start when the workbook already holds a baseline", async () => {
    const standin = workbookOfTables(handTables());
    await mount(standin).controller.saveBaseline();
    const { controller, section } = mount(standin);
    expect(section.querySelectorAll("select[data-phase]")).toHaveLength(0);
    await controller.start();
    expect([...section.querySelectorAll<HTMLSelectElement>("select[data-phase]")].map((s) => s.value)).toEqual(["IOC", "MOC"]);
  });

  it("refuses a snapshot edited by hand", async () => {
    const standin = workbookOfTables(handTables());
    const { controller, section } = mount(standin);
    await controller.saveBaseline();
    const cell = standin.sheets.find((s) => s.name === BASELINE_SHEET)!.cells.get(cellKey(0, 0))!;
    cell.value = String(cell.value).replace('"value":1000', '"value":1001');
    await controller.compareWithBaseline();
    expect(text(section, ".compare-message")).toMatch(/does not match its fingerprint/);
  });
});
