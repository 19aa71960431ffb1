/**
 * The export preview: a schedule's rate per second over test time, stacked by transaction
 * series (points at every step's start and end, so held steps are flat and ramps linear).
 * Pure chart.js configuration: no Chart, no DOM.
 */
import type { ChartConfiguration } from "chart.js";
import type { Schedule } from "../../engine";
import { GRID_COLOUR, TEXT_COLOUR } from "./chart-colours";

export type ScheduleChartConfig = ChartConfiguration<"line", { x: number; y: number }[]>;

const PALETTE = ["#0f6cbd", "#ca5010", "#62abf5", "#498205", "#8764b8", "#c50f1f", "#038387", "#986f0b", "#e3008c", "#4f6bed", "#7a7574", "#004e8c"];

/** Legend only while it fits a narrow pane. */
const MAX_LEGEND = 8;

/**
 * @example buildScheduleChartConfig(schedule).data.datasets.length // one per series
 */
export function buildScheduleChartConfig(s: Schedule): ScheduleChartConfig {
  const minutes = s.totals.durationSeconds >= 600;
  const unit = minutes ? 60 : 1;
  const datasets = s.series.map((x, i) => {
    const colour = PALETTE[i % PALETTE.length] as string;
    return {
      label: x.name,
      data: x.rates.flatMap((r, k) => {
        const st = s.steps[k];
        if (!st) return [];
        return [
          { x: st.startSeconds / unit, y: r.ratePerSecond },
          // Just before the next step's start: chart.js stacks points by x, so no two may share one.
          { x: (st.startSeconds + st.durationSeconds * (1 - 1e-6)) / unit, y: r.endRatePerSecond },
        ];
      }),
      borderColor: colour,
      backgroundColor: `${colour}99`,
      borderWidth: 1,
      pointRadius: 0,
      fill: i === 0 ? "origin" : "-1",
      stack: "rate",
    };
  });
  return {
    type: "line",
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "nearest", axis: "x", intersect: false },
      plugins: { legend: { display: s.series.length <= MAX_LEGEND, position: "bottom", labels: { boxWidth: 10 } } },
      scales: {
        x: { type: "linear", min: 0, max: s.totals.durationSeconds / unit, title: { display: true, text: minutes ? "test time (min)" : "test time (s)", color: TEXT_COLOUR }, grid: { color: GRID_COLOUR } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: "requests per second", color: TEXT_COLOUR }, grid: { color: GRID_COLOUR } },
      },
    },
  };
}

/** The text alternative of the chart. */
export function describeScheduleChart(s: Schedule): string {
  let peak = 0;
  s.steps.forEach((_, k) => {
    let a = 0;
    let b = 0;
    for (const x of s.series) {
      a += x.rates[k]?.ratePerSecond ?? 0;
      b += x.rates[k]?.endRatePerSecond ?? 0;
    }
    peak = Math.max(peak, a, b);
  });
  return `${s.phase} ${s.provider}: ${s.series.length} transactions over ${s.totals.durationSeconds} s of test time, peak ${peak.toFixed(2)} requests per second, ${Math.round(s.totals.expectedCount)} requests in all.`;
}
