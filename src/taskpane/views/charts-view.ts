/**
 * The two charts: the chosen phase × provider's 24-hour load by stream with its capacity and
 * required lines, and the utilisation overview. Configuration comes from the pure builders
 * in ../charts; this file only owns the Chart instances and the two pickers.
 */
import type { Chart } from "chart.js";
import { statusChecks, type Results, type VolumeModel } from "../../engine";
import { buildLoadChartConfig, describeLoadChart, type LoadBasis } from "../charts/load-chart-config";
import { registerChartComponents } from "../charts/register-chart-components";
import { buildUtilisationChartConfig } from "../charts/utilisation-chart-config";
import { h, replaceChildren } from "../dom";

export interface ChartsElements {
  readonly section: HTMLElement;
  readonly phase: HTMLSelectElement;
  readonly provider: HTMLSelectElement;
  /** Per hour or per second: which check the load chart shows. */
  readonly basis: HTMLSelectElement;
  readonly loadCanvas: HTMLCanvasElement;
  readonly utilisationCanvas: HTMLCanvasElement;
}

export interface ChartsView {
  render(model: VolumeModel | undefined, results: Results | undefined): void;
}

function fillSelect(select: HTMLSelectElement, names: readonly string[], preferred: string): void {
  const keep = names.includes(select.value) ? select.value : preferred;
  replaceChildren(select, ...names.map((name, i) => h("option", { attrs: { value: name } }, names[i] ?? "")));
  select.value = names.includes(keep) ? keep : (names[0] ?? "");
}

export function createChartsView(el: ChartsElements): ChartsView {
  let current: { model: VolumeModel; results: Results } | undefined;
  let loadChart: Chart | undefined;
  let utilisationChart: Chart | undefined;

  const drawLoad = (): void => {
    if (!current) return;
    const { model, results } = current;
    const ph = model.phases.findIndex((p) => p.name === el.phase.value);
    const p = model.providers.findIndex((x) => x.name === el.provider.value);
    if (ph < 0 || p < 0) return;
    const basis: LoadBasis = el.basis.value === "per_second" ? "per_second" : "per_hour";
    const ChartClass = registerChartComponents();
    loadChart?.destroy();
    loadChart = new ChartClass(el.loadCanvas, buildLoadChartConfig(model, results, ph, p, basis));
    el.loadCanvas.setAttribute("aria-label", describeLoadChart(model, results, ph, p, basis));
    el.loadCanvas.dataset["phase"] = el.phase.value;
    el.loadCanvas.dataset["provider"] = el.provider.value;
    el.loadCanvas.dataset["basis"] = basis;
  };
  el.phase.addEventListener("change", drawLoad);
  el.provider.addEventListener("change", drawLoad);
  el.basis.addEventListener("change", drawLoad);

  return {
    render(model, results) {
      el.section.hidden = !model || !results;
      if (!model || !results) {
        loadChart?.destroy();
        utilisationChart?.destroy();
        loadChart = utilisationChart = undefined;
        current = undefined;
        return;
      }
      current = { model, results };
      // Open on the worst check of all (per hour or per second), so a FAIL is what the chart shows first.
      const worst = results.summaries
        .flatMap((s) => statusChecks(model, s).map((check) => ({ s, check })))
        .reduce<{ s: (typeof results.summaries)[number]; check: { basis: LoadBasis; ratio: number } } | undefined>((a, b) => (!a || b.check.ratio > a.check.ratio ? b : a), undefined);
      fillSelect(el.phase, model.phases.map((p) => p.name), model.phases[worst?.s.phase ?? 0]?.name ?? "");
      fillSelect(el.provider, model.providers.map((p) => p.name), model.providers[worst?.s.provider ?? 0]?.name ?? "");
      el.basis.value = worst?.check.basis ?? "per_hour";
      drawLoad();
      const ChartClass = registerChartComponents();
      utilisationChart?.destroy();
      utilisationChart = new ChartClass(el.utilisationCanvas, buildUtilisationChartConfig(model, results));
      const failing = results.summaries
        .filter((s) => s.status === "FAIL")
        .map((s) => `${model.phases[s.phase]?.name ?? ""} ${model.providers[s.provider]?.name ?? ""} (${statusChecks(model, s).filter((c) => !c.passes).map((c) => (c.basis === "per_hour" ? "per hour" : "per second")).join(" and ")})`);
      el.utilisationCanvas.setAttribute(
        "aria-label",
        `Utilisation per hour of every provider in every phase against 100% of capacity. ${failing.length ? `FAIL: ${failing.join(", ")}.` : "All within their limits."}`,
      );
    },
  };
}
