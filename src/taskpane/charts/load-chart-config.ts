/**
 * The 24-hour load chart for one phase and provider, as plain chart.js configuration:
 * bars per stream stacked by hour, the limit and the required level as flat lines. Per
 * hour: CapacityPerHour and peak × (1 + Headroom). Per second (the second check): each
 * hour's busiest second (per hour / 3600 × BurstFactor), PeakPerSecond and
 * peak_per_second × (1 + Headroom). Pure: no Chart, no DOM.
 */
import type { ChartConfiguration, ChartDataset } from "chart.js";
import { HOURS, STREAMS, streamSeries, summaryOf, type Results, type VolumeModel } from "../../engine";
import { showCompact, showFigure } from "../format-figure";
import { CAPACITY_COLOUR, GRID_COLOUR, REQUIRED_COLOUR, STREAM_COLOURS, TEXT_COLOUR } from "./chart-colours";

export type LoadChartConfig = ChartConfiguration<"bar" | "line", (number | null)[], string>;
type LoadDataset = ChartDataset<"bar" | "line", (number | null)[]>;

/** Which of the two checks the chart shows. */
export type LoadBasis = "per_hour" | "per_second";

export const HOUR_LABELS: readonly string[] = Array.from({ length: HOURS }, (_, h) => String(h).padStart(2, "0"));

function flatLine(label: string, value: number, colour: string, dashed: boolean): LoadDataset {
  return {
    type: "line",
    label,
    data: HOUR_LABELS.map(() => value),
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2,
    borderDash: dashed ? [6, 4] : [],
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: "line",
    // Its own stack, so the line is drawn at its value, not on top of the bars.
    stack: label,
    order: 0,
  };
}

/**
 * @example buildLoadChartConfig(model, results, 2, 3) // FOC × S1SP in the sample
 * @example buildLoadChartConfig(model, results, 1, 3, "per_second") // MOC × S1SP, the per-second check
 */
export function buildLoadChartConfig(model: VolumeModel, results: Results, phase: number, provider: number, basis: LoadBasis = "per_hour"): LoadChartConfig {
  const summary = summaryOf(results, phase, provider);
  const perSecond = basis === "per_second";
  // An hour's busiest second: the mean second of the hour times BurstFactor (spec section 3).
  const scale = perSecond ? model.settings.burstFactor.value / 3600 : 1;
  const datasets: LoadDataset[] = [];
  STREAMS.forEach((stream) => {
    const data = Array.from(streamSeries(results, phase, provider, stream), (v) => v * scale);
    if (data.every((v) => v === 0)) return;
    datasets.push({ type: "bar", label: stream, data, backgroundColor: STREAM_COLOURS[stream], stack: "load", order: 1, borderWidth: 0, pointStyle: "rect" });
  });
  const limit = perSecond ? summary.capacityPerSecond : summary.capacityPerHour;
  if (limit !== null) datasets.push(flatLine(perSecond ? "Limit per second (PeakPerSecond)" : "Capacity per hour", limit, CAPACITY_COLOUR, false));
  datasets.push(
    perSecond
      ? flatLine("Required per second (peak × (1 + headroom))", summary.requiredPerSecond, REQUIRED_COLOUR, true)
      : flatLine("Required (peak × (1 + headroom))", summary.requiredPerHour, REQUIRED_COLOUR, true),
  );
  const phaseName = model.phases[phase]?.name ?? "";
  const providerName = model.providers[provider]?.name ?? "";
  return {
    type: "bar",
    data: { labels: [...HOUR_LABELS], datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { color: TEXT_COLOUR, maxRotation: 0, autoSkip: true }, title: { display: true, text: "Hour of day", color: TEXT_COLOUR } },
        y: {
          stacked: true,
          beginAtZero: true,
          grid: { color: GRID_COLOUR },
          ticks: { color: TEXT_COLOUR, callback: (value) => showCompact(Number(value)) },
          title: { display: true, text: perSecond ? "Busiest second (per s)" : "Transactions per hour", color: TEXT_COLOUR },
        },
      },
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12, color: TEXT_COLOUR, usePointStyle: true } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ""}: ${showFigure(item.parsed.y)}` } },
      },
    },
  };
}

/** The chart's accessible description: what a screen reader says instead of the picture. */
export function describeLoadChart(model: VolumeModel, results: Results, phase: number, provider: number, basis: LoadBasis = "per_hour"): string {
  const s = summaryOf(results, phase, provider);
  const where = `${model.phases[phase]?.name ?? ""} ${model.providers[provider]?.name ?? ""}`;
  if (basis === "per_second") {
    const limit = s.capacityPerSecond === null ? "no PeakPerSecond limit" : `limit ${showFigure(s.capacityPerSecond)} per second`;
    return `Busiest second by hour for ${where}: peak ${showFigure(s.peakPerSecond)} per second at ${String(s.peakHour).padStart(2, "0")}:00, required ${showFigure(s.requiredPerSecond)} per second, ${limit}.`;
  }
  const capacity = s.capacityPerHour === null ? "no performance level" : `capacity ${showFigure(s.capacityPerHour)} per hour`;
  return `Load by hour for ${where}: peak ${showFigure(s.peakPerHour)} per hour at ${String(s.peakHour).padStart(2, "0")}:00, required ${showFigure(s.requiredPerHour)} per hour, ${capacity}.`;
}
