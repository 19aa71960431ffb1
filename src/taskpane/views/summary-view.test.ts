/** @jest-environment jsdom */
import { analyseWorkbook } from "../../engine";
import { loadSampleAnalysis, withS1spDefaultPeakPerSecond } from "../../../test/taskpane/sample-analysis";
import { createSummaryView } from "./summary-view";

async function renderSummary(perSecond?: number): Promise<HTMLElement> {
  const { grids } = await loadSampleAnalysis();
  const analysis = analyseWorkbook(perSecond === undefined ? grids : withS1spDefaultPeakPerSecond(grids, perSecond));
  const root = document.createElement("div");
  createSummaryView(root, document.createElement("span")).render({ analysis, report: { sheets: ["sctvm Summary"], clashes: [], kept: [], rowsWritten: 1 }, stamp: "2024-01-01T00:00:00Z" });
  return root;
}

const row = (root: HTMLElement, phase: string, provider: string): HTMLElement => {
  const found = root.querySelector<HTMLElement>(`tr[data-phase="${phase}"][data-provider="${provider}"][data-status]`);
  if (!found) throw new Error(`no row ${phase} ${provider}`);
  return found;
};

describe("summary view", () => {
  it("shows both checks behind a status: per hour and per second, as percentages of their limits", async () => {
    const root = await renderSummary();
    const foc = row(root, "FOC", "S1SP");
    const cells = Array.from(foc.querySelectorAll<HTMLElement>("td.check"));
    expect(cells.map((c) => c.dataset["basis"])).toEqual(["per_hour", "per_second"]);
    expect(cells[0]?.textContent).toBe("109.9% ✗");
    expect(foc.dataset["fails"]).toContain("per_hour");
    // DCO's level has no PeakPerSecond: no per-second check, said in the tooltip.
    const dco = row(root, "FOC", "DCO").querySelectorAll<HTMLElement>("td.check")[1];
    expect(dco?.textContent).toBe("–");
    expect(dco?.title).toContain("no PeakPerSecond");
  });

  it("says which check failed and by how much: MOC S1SP at PeakPerSecond 400 fails per second at 70.7% per hour", async () => {
    const root = await renderSummary(400);
    const moc = row(root, "MOC", "S1SP");
    expect(moc.dataset["status"]).toBe("FAIL");
    expect(moc.dataset["fails"]).toBe("per_second");
    const [hour, second] = Array.from(moc.querySelectorAll<HTMLElement>("td.check"));
    expect(hour?.textContent).toBe("70.7%");
    expect(hour?.dataset["passes"]).toBe("true");
    expect(second?.dataset["passes"]).toBe("false");
    expect(second?.textContent).toMatch(/^1\d\d\.\d% ✗$/);
    const why = root.querySelector<HTMLElement>('tr.why[data-phase="MOC"][data-provider="S1SP"]')?.textContent ?? "";
    expect(why).toMatch(/^Fails per second: required [\d.,]+\/s > PeakPerSecond 400\/s \(\d+\.\d% over\)\.$/);
    expect(why).not.toContain("per hour");
  });

  it("has no explanation row under a PASS", async () => {
    const root = await renderSummary();
    expect(root.querySelectorAll("tr.why")).toHaveLength(1);
  });
});
