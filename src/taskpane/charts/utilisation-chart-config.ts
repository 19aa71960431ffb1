/**
 * The utilisation overview: every provider in every phase as a bar of
 * required_per_hour / CapacityPerHour in percent, failing bars in red AND labelled (FAIL,
 * or FAIL/s when only the per-second check fails), a legend entry saying what red means,
 * and a 100% line. Pure: no Chart, no DOM (the label plugin draws only when chart.js runs it).
 */
import type { Chart, ChartConfiguration, ChartDataset, Plugin } from "chart.js";
import { statusChecks, summaryOf, type Results, type VolumeModel } from "../../engine";
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

/** A failing bar: which dataset (phase) and index (provider), and its label. */
export interface FailMark {
  readonly phase: number;
  readonly provider: number;
  readonly label: string;
}

/** Every FAIL in the model, labelled by the check that fails: `FAIL` (per hour) or `FAIL/s`. */
export function failMarks(model: VolumeModel, results: Results): FailMark[] {
  return results.summaries.flatMap((s) => {
    if (s.status !== "FAIL") return [];
    const perHourFails = statusChecks(model, s).some((c) => c.basis === "per_hour" && !c.passes);
    return [{ phase: s.phase, provider: s.provider, label: perHourFails ? "FAIL" : "FAIL/s" }];
  });
}

/** Writes each mark's label above its bar, so a FAIL never depends on colour alone. */
export function failLabelPlugin(marks: readonly FailMark[]): Plugin<"bar" | "line"> & { readonly marks: readonly FailMark[] } {
  return {
    id: "sctvmFailLabels",
    marks,
    afterDatasetsDraw(chart: Chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = FAIL_COLOUR;
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = 3;
      ctx.lineJoin = "round";
      ctx.font = "600 10px 'Segoe UI', sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "bottom";
      for (const mark of marks) {
        const bar = chart.getDatasetMeta(mark.phase).data[mark.provider] as unknown as { x: number; y: number } | undefined;
        if (!bar) continue;
        // A white halo keeps the label readable where it crosses a neighbouring bar.
        ctx.strokeText(mark.label, bar.x, bar.y - 2);
        ctx.fillText(mark.label, bar.x, bar.y - 2);
      }
      ctx.restore();
    },
  };
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
  const marks = failMarks(model, results);
  if (marks.length) {
    // Legend only: says what red means (no bars of its own).
    datasets.push({ type: "bar", label: "Red, labelled FAIL: over a limit", data: labels.map(() => null), backgroundColor: FAIL_COLOUR, borderWidth: 0, order: 2, pointStyle: "rect" });
  }
  const highest = Math.max(100, ...datasets.flatMap((d) => d.data.map((v) => v ?? 0)));
  return {
    type: "bar",
    data: { labels, datasets },
    plugins: [failLabelPlugin(marks)],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { grid: { display: false }, ticks: { color: TEXT_COLOUR } },
        y: {
          beginAtZero: true,
          // Room above the highest bar for its FAIL label.
          suggestedMax: Math.ceil((highest * 1.15) / 10) * 10,
          grid: { color: GRID_COLOUR },
          ticks: { color: TEXT_COLOUR, callback: (value) => `${Number(value)}%` },
          title: { display: true, text: "Required / capacity per hour", color: TEXT_COLOUR },
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
