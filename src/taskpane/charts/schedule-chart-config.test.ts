import { buildExports, EXPORT_FORMATS, parseExportOptions } from "../../export";
import { loadSampleAnalysis } from "../../../test/taskpane/sample-analysis";
import { buildScheduleChartConfig, describeScheduleChart } from "./schedule-chart-config";

async function schedule(raw: Parameters<typeof parseExportOptions>[0]) {
  const { model, results, analysis } = await loadSampleAnalysis();
  const parsed = parseExportOptions(raw);
  if (!parsed.ok) throw new Error("options");
  const out = buildExports({ model, results, fingerprint: analysis.fingerprint ?? "", phase: "FOC", provider: "S1SP", formats: EXPORT_FORMATS.slice(0, 1), options: parsed.options });
  if (!out.ok || !out.result.schedules[0]) throw new Error("export");
  return out.result.schedules[0];
}

describe("schedule preview chart", () => {
  it("stacks one filled series per transaction whose top follows the schedule's total rate", async () => {
    const s = await schedule({ hours: "4-6", secondsPerHour: "10", shape: "ramp" });
    const config = buildScheduleChartConfig(s);
    const sets = config.data.datasets;
    expect(sets.map((d) => d.label)).toEqual(s.series.map((x) => x.name));
    expect(config.options?.scales?.y).toMatchObject({ stacked: true });
    expect(sets.map((d) => d.fill)).toEqual(s.series.map((_, i) => (i === 0 ? "origin" : "-1")));
    s.steps.forEach((st, k) => {
      const start = sets.reduce((a, d) => a + (d.data[2 * k]?.y ?? NaN), 0);
      const end = sets.reduce((a, d) => a + (d.data[2 * k + 1]?.y ?? NaN), 0);
      expect(sets[0]?.data[2 * k]?.x).toBe(st.startSeconds);
      expect(start).toBeCloseTo(s.series.reduce((a, x) => a + (x.rates[k]?.ratePerSecond ?? 0), 0), 9);
      expect(end).toBeCloseTo(s.series.reduce((a, x) => a + (x.rates[k]?.endRatePerSecond ?? 0), 0), 9);
    });
    expect(describeScheduleChart(s)).toMatch(/^FOC S1SP: \d+ transactions over 30 s of test time, peak [\d.]+ requests per second/);
  });

  it("shows test time in minutes for long runs and hides a legend too long for the pane", async () => {
    const s = await schedule({});
    const config = buildScheduleChartConfig(s);
    expect(config.options?.scales?.x).toMatchObject({ max: 24 * 60, title: { text: "test time (min)" } });
    expect(config.options?.plugins?.legend?.display).toBe(s.series.length <= 8);
  });
});
