import { summaryOf } from "../../engine";
import { indexOf, loadSampleAnalysis } from "../../../test/taskpane/sample-analysis";
import { FAIL_COLOUR, phaseColour } from "./chart-colours";
import { buildUtilisationChartConfig, utilisationPercents } from "./utilisation-chart-config";

describe("buildUtilisationChartConfig", () => {
  it("has a bar per provider in every phase and a 100% line", async () => {
    const { model, results } = await loadSampleAnalysis();
    const config = buildUtilisationChartConfig(model, results);
    expect(config.data.labels).toEqual(["DSP", "CP", "DCO", "S1SP"]);
    expect(config.data.datasets.map((d) => d.label)).toEqual(["IOC", "MOC", "FOC", "100% of capacity"]);
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
