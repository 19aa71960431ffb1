/**
 * The utilisation overview: every provider in every phase as a bar of
 * required_per_hour / CapacityPerHour in percent, failing bars in red, and a 100% line.
 * Pure: no Chart, no DOM.
 */
import type { ChartConfiguration, ChartDataset } from "chart.js";
import { summaryOf, type Results, type VolumeModel } from "../../engine";
import { showPercent } from "../format-figure";
import { CAPACITY_COLOUR, FAIL_COLOUR, GRID_COLOUR, phaseColour, TEXT_COLOUR } from "./chart-colours";

export type UtilisationChartConfig = ChartConfiguration<"bar" | "line", (number | null)[], string>;
type UtilisationDataset = ChartDataset<"bar" | "line", (number | null)[]>;

/** Utilisation in percent per provider for one phase; null where no level applies. */
export function utilisationPercents(model: VolumeModel, results: Results, phase: number): (number | null)[] {
  return model.providers.map((_, p) => {
    const u = summaryOf(results, phase, p).utilisation;
    return u === null ? null : u * 100;
  });
}

/** @example buildUtilisationChartConfig(model, results).data.datasets.map((d) => d.label) // ["IOC", "MOC", "FOC", "100% of capacity"] */
export function buildUtilisationChartConfig(model: VolumeModel, results: Results): UtilisationChartConfig {
  const labels = model.providers.map((p) => p.name);
  const datasets: UtilisationDataset[] = model.phases.map((phase, ph) => {
    const colour = phaseColour(ph, model.phases.length);
    return {
      type: "bar",
      label: phase.name,
      data: utilisationPercents(model, results, ph),
      backgroundColor: model.providers.map((_, p) => (summaryOf(results, ph, p).status === "FAIL" ? FAIL_COLOUR : colour)),
      borderWidth: 0,
      order: 1,
      pointStyle: "rect",
    };
  });
  datasets.push({
    type: "line",
    label: "100% of capacity",
    data: labels.map(() => 100),
    borderColor: CAPACITY_COLOUR,
    backgroundColor: CAPACITY_COLOUR,
    borderWidth: 2,
    borderDash: [6, 4],
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: "line",
    order: 0,
  });
  const highest = Math.max(100, ...datasets.flatMap((d) => d.data.map((v) => v ?? 0)));
  return {
    type: "bar",
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { grid: { display: false }, ticks: { color: TEXT_COLOUR } },
        y: {
          beginAtZero: true,
          suggestedMax: Math.ceil((highest * 1.1) / 10) * 10,
          grid: { color: GRID_COLOUR },
          ticks: { color: TEXT_COLOUR, callback: (value) => `${Number(value)}%` },
          title: { display: true, text: "Required / capacity", color: TEXT_COLOUR },
        },
      },
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12, color: TEXT_COLOUR, usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) => (item.parsed.y === null ? `${item.dataset.label ?? ""}: no level` : `${item.dataset.label ?? ""}: ${showPercent(item.parsed.y / 100)}`),
          },
        },
      },
    },
  };
}
