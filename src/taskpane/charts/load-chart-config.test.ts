import { hourlyOf, HOURS, streamSeries, summaryOf } from "../../engine";
import { indexOf, loadSampleAnalysis } from "../../../test/taskpane/sample-analysis";
import { buildLoadChartConfig, describeLoadChart, HOUR_LABELS } from "./load-chart-config";
import { CAPACITY_COLOUR, STREAM_COLOURS } from "./chart-colours";

describe("buildLoadChartConfig", () => {
  it("stacks the streams' hourly load to the provider's hourly total", async () => {
    const { model, results } = await loadSampleAnalysis();
    const ph = indexOf(model.phases, "FOC");
    const p = indexOf(model.providers, "S1SP");
    const config = buildLoadChartConfig(model, results, ph, p);
    expect(config.data.labels).toEqual(HOUR_LABELS);
    const bars = config.data.datasets.filter((d) => d.type === "bar");
    expect(bars.every((d) => d.stack === "load")).toBe(true);
    for (let h = 0; h < HOURS; h++) {
      const stacked = bars.reduce((sum, d) => sum + (d.data[h] ?? 0), 0);
      const total = hourlyOf(results, ph, p)[h] as number;
      expect(stacked).toBeCloseTo(total, 6);
    }
  });

  it("keeps streams in STREAMS order with their colours and leaves out all-zero streams", async () => {
    const { model, results } = await loadSampleAnalysis();
    const ph = indexOf(model.phases, "FOC");
    const p = indexOf(model.providers, "S1SP");
    const bars = buildLoadChartConfig(model, results, ph, p).data.datasets.filter((d) => d.type === "bar");
    // S1SP carries SMETS1 migration and traffic, never SMETS2+ installs.
    expect(bars.map((d) => d.label)).toEqual(["Migration", "Traffic"]);
    expect(bars.map((d) => d.backgroundColor)).toEqual([STREAM_COLOURS.Migration, STREAM_COLOURS.Traffic]);
    expect(bars[0]?.data).toEqual(Array.from(streamSeries(results, ph, p, "Migration")));
  });

  it("draws the capacity and required lines flat at their levels, on their own stacks", async () => {
    const { model, results } = await loadSampleAnalysis();
    const ph = indexOf(model.phases, "FOC");
    const p = indexOf(model.providers, "S1SP");
    const summary = summaryOf(results, ph, p);
    const lines = buildLoadChartConfig(model, results, ph, p).data.datasets.filter((d) => d.type === "line");
    expect(lines.map((d) => d.label)).toEqual(["Capacity per hour", "Required (peak × (1 + headroom))"]);
    expect(lines[0]?.data).toEqual(Array(HOURS).fill(1_800_000));
    expect(lines[0]?.borderColor).toBe(CAPACITY_COLOUR);
    expect(lines[1]?.data).toEqual(Array(HOURS).fill(summary.peakPerHour * 1.2));
    expect(new Set(lines.map((d) => d.stack)).size).toBe(2);
    expect(lines.some((d) => d.stack === "load")).toBe(false);
  });

  it("has no capacity line where no performance level applies", async () => {
    const { model, results } = await loadSampleAnalysis();
    const noLevel = { ...results, summaries: results.summaries.map((s) => ({ ...s, capacityPerHour: null, utilisation: null, status: "NO_LEVEL" as const })) };
    const lines = buildLoadChartConfig(model, noLevel, 0, 0).data.datasets.filter((d) => d.type === "line");
    expect(lines.map((d) => d.label)).toEqual(["Required (peak × (1 + headroom))"]);
    expect(describeLoadChart(model, noLevel, 0, 0)).toContain("no performance level");
  });

  it("draws the per-second check: each hour's busiest second, PeakPerSecond and required per second", async () => {
    const { model, results } = await loadSampleAnalysis();
    const ph = indexOf(model.phases, "FOC");
    const p = indexOf(model.providers, "S1SP");
    const summary = summaryOf(results, ph, p);
    const config = buildLoadChartConfig(model, results, ph, p, "per_second");
    const bars = config.data.datasets.filter((d) => d.type === "bar");
    const burst = model.settings.burstFactor.value;
    const peak = Math.max(...HOUR_LABELS.map((_, h) => bars.reduce((sum, d) => sum + (d.data[h] ?? 0), 0)));
    expect(peak).toBeCloseTo(summary.peakPerSecond, 6);
    expect(peak).toBeCloseTo((summary.peakPerHour / 3600) * burst, 6);
    const lines = config.data.datasets.filter((d) => d.type === "line");
    expect(lines.map((d) => [d.label, d.data[0]])).toEqual([
      ["Limit per second (PeakPerSecond)", 750],
      ["Required per second (peak × (1 + headroom))", summary.requiredPerSecond],
    ]);
    expect((config.options?.scales?.["y"]?.title as { text: string }).text).toContain("per s");
    expect(describeLoadChart(model, results, ph, p, "per_second")).toContain("limit 750 per second");
  });

  it("is plain data with animation off and a y axis that formats figures", async () => {
    const { model, results } = await loadSampleAnalysis();
    const config = buildLoadChartConfig(model, results, 0, 0);
    expect(config.options?.animation).toBe(false);
    const ticks = config.options?.scales?.["y"]?.ticks as { callback: (v: number) => string };
    expect(ticks.callback(1_500_000)).toBe("1.5M");
    expect(describeLoadChart(model, results, 0, 0)).toMatch(/^Load by hour for IOC DSP: peak 1,472,35\d per hour at 02:00/);
  });
});
