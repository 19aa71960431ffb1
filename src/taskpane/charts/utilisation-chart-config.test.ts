import { summaryOf } from "../../engine";
import { indexOf, loadSampleAnalysis } from "../../../test/taskpane/sample-analysis";
import { FAIL_COLOUR, phaseColour } from "./chart-colours";
import { analyseWorkbook } from "../../engine";
import { withS1spDefaultPeakPerSecond } from "../../../test/taskpane/sample-analysis";
import { buildUtilisationChartConfig, failLabelPlugin, failMarks, utilisationPercents } from "./utilisation-chart-config";

describe("buildUtilisationChartConfig", () => {
  it("has a bar per provider in every phase and a 100% line", async () => {
    const { model, results } = await loadSampleAnalysis();
    const config = buildUtilisationChartConfig(model, results);
    expect(config.data.labels).toEqual(["DSP", "CP", "DCO", "S1SP"]);
    expect(config.data.datasets.map((d) => d.label)).toEqual(["IOC", "MOC", "FOC", "100% of capacity", "Red, labelled FAIL: over a limit"]);
    expect(config.data.datasets[3]).toMatchObject({ type: "line", data: [100, 100, 100, 100] });
  });

  it("shows utilisation in percent and colours the failing bar red", async () => {
    const { model, results } = await loadSampleAnalysis();
    const foc = indexOf(model.phases, "FOC");
    const s1sp = indexOf(model.providers, "S1SP");
    const config = buildUtilisationChartConfig(model, results);
    const focBars = config.data.datasets[foc];
    const utilisation = summaryOf(results, foc, s1sp).utilisation ?? NaN;
    expect(focBars?.data[s1sp]).toBeCloseTo(utilisation * 100, 9);
    expect(focBars?.data[s1sp]).toBeGreaterThan(100);
    const colours = focBars?.backgroundColor as string[];
    expect(colours[s1sp]).toBe(FAIL_COLOUR);
    expect(colours.filter((c) => c === FAIL_COLOUR)).toHaveLength(1);
    expect(colours[0]).toBe(phaseColour(foc, model.phases.length));
  });

  it("leaves a gap (null) where no level applies, and scales the axis past the highest bar", async () => {
    const { model, results } = await loadSampleAnalysis();
    const noLevel = { ...results, summaries: results.summaries.map((s, i) => (i === 0 ? { ...s, utilisation: null, status: "NO_LEVEL" as const } : s)) };
    expect(utilisationPercents(model, noLevel, 0)[0]).toBeNull();
    const config = buildUtilisationChartConfig(model, results);
    expect(config.options?.scales?.["y"]?.suggestedMax).toBeGreaterThanOrEqual(110);
  });
});

describe("FAIL not by colour alone", () => {
  it("labels each failing bar with the check that fails and says in the legend what red means", async () => {
    const { model, results } = await loadSampleAnalysis();
    const config = buildUtilisationChartConfig(model, results);
    const plugin = config.plugins?.[0] as ReturnType<typeof failLabelPlugin>;
    expect(plugin.id).toBe("sctvmFailLabels");
    expect(plugin.marks).toEqual([{ phase: indexOf(model.phases, "FOC"), provider: indexOf(model.providers, "S1SP"), label: "FAIL" }]);
    const legend = config.data.datasets.at(-1);
    expect(legend).toMatchObject({ label: "Red, labelled FAIL: over a limit", backgroundColor: FAIL_COLOUR });
    expect(legend?.data.every((v) => v === null)).toBe(true);
  });

  it("labels a per-second-only FAIL as FAIL/s (MOC S1SP at PeakPerSecond 400)", async () => {
    const { grids, model } = await loadSampleAnalysis();
    const a = analyseWorkbook(withS1spDefaultPeakPerSecond(grids, 400));
    const marks = failMarks(a.model!, a.results!);
    expect(marks).toContainEqual({ phase: indexOf(model.phases, "MOC"), provider: indexOf(model.providers, "S1SP"), label: "FAIL/s" });
  });

  it("has no legend entry for red when nothing fails", async () => {
    const { model, results } = await loadSampleAnalysis();
    const passing = { ...results, summaries: results.summaries.map((s) => ({ ...s, status: "PASS" as const })) };
    const config = buildUtilisationChartConfig(model, passing);
    expect(config.data.datasets.map((d) => d.label)).not.toContain("Red, labelled FAIL: over a limit");
    expect((config.plugins?.[0] as ReturnType<typeof failLabelPlugin>).marks).toEqual([]);
  });
});
