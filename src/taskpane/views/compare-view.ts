/**
 * The pane's compare section: the saved baseline, the verdict, a baseline-vs-model chart of
 * daily totals per provider, the figures table and, for figures outside the band, the
 * input groups that moved them. Text only through textContent; the chart is inline SVG.
 */
import { GROUP_LABELS, MEASURES, type CompareRow, type Comparison, type FigureChange } from "../../engine";
import { showFigure as formatFigure } from "../format-figure";

export interface BaselineInfo {
  readonly name: string;
  readonly version: string;
  readonly fingerprint: string;
  readonly takenAt: string;
}

export interface CompareView {
  showBaseline(info: BaselineInfo | undefined): void;
  /** Shows a comparison, or clears the last one (null) when none can be made. */
  showComparison(c: Comparison | null): void;
  showMessage(text: string): void;
}

const SVG = "http://www.w3.org/2000/svg";
const MEASURE_LABELS = { dailyTotal: "daily total", peakPerHour: "peak per hour" } as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const percent = (f: FigureChange): string => (f.relativeChange === null ? "new" : `${f.relativeChange >= 0 ? "+" : "−"}${Math.abs(f.relativeChange * 100).toFixed(1)}%`);
/** "MOC" when compared with the baseline's phase of the same name, else "MOC←IOC". */
const phaseLabel = (r: CompareRow): string => (r.phase === r.baselinePhase ? r.phase : `${r.phase}←${r.baselinePhase}`);
const signed = (n: number): string => `${n >= 0 ? "+" : "−"}${formatFigure(Math.abs(n))}`;

/** One bar pair of the compare chart: a phase and provider's daily total in both. */
export interface CompareBar {
  readonly label: string;
  readonly baseline: number;
  readonly model: number;
  readonly outside: boolean;
}

/** The chart's data (key order, daily totals): what the SVG draws, testable as data. */
export function compareChartData(c: Comparison): CompareBar[] {
  return [...c.rows].sort((a, b) => a.order - b.order).map((r) => ({ label: `${phaseLabel(r)} ${r.provider}`, baseline: r.dailyTotal.baseline, model: r.dailyTotal.model, outside: !r.dailyTotal.withinTolerance }));
}

/** Baseline (light) and model (dark) daily totals side by side for each phase and provider. */
function chartOf(c: Comparison): SVGElement {
  const bars = compareChartData(c);
  const width = 340;
  const barArea = 200;
  const rowHeight = 22;
  const max = Math.max(1, ...bars.flatMap((b) => [b.baseline, b.model]));
  const chart = svg("svg", { width, height: bars.length * rowHeight + 8, viewBox: `0 0 ${width} ${bars.length * rowHeight + 8}`, role: "img", "aria-label": "Daily total per provider: baseline and model" });
  bars.forEach((b, i) => {
    const y = i * rowHeight + 4;
    chart.append(svg("text", { x: 0, y: y + 13, class: "compare-chart-label" }, b.label));
    chart.append(svg("rect", { x: 130, y, width: ((b.baseline / max) * barArea).toFixed(1), height: 8, class: "compare-bar-baseline" }));
    chart.append(svg("rect", { x: 130, y: y + 9, width: ((b.model / max) * barArea).toFixed(1), height: 8, class: b.outside ? "compare-bar-model outside" : "compare-bar-model" }));
  });
  return chart;
}

export function createCompareView(section: HTMLElement): CompareView {
  const baseline = el("p", undefined, "compare-baseline");
  const message = el("p", undefined, "compare-message");
  const result = el("div", undefined, "compare-result");
  section.append(baseline, message, result);
  return {
    showBaseline(info) {
      baseline.textContent = info
        ? `Baseline: ${`${info.name} ${info.version}`.trim() || "(no ModelName)"}, saved ${info.takenAt}, fingerprint ${info.fingerprint.slice(0, 12)}…`
        : "No baseline saved in this workbook.";
    },
    showMessage(text) {
      message.textContent = text;
    },
    showComparison(c) {
      result.replaceChildren();
      if (c === null) return;
      const band = `±${(c.tolerance * 100).toFixed(1).replace(/\.0$/, "")}%`;
      const outside = c.rows.reduce((n, r) => n + MEASURES.filter((m) => !r[m].withinTolerance).length, 0);
      result.append(
        el("p", c.verdict === "BROADLY_AS_PREDICTED" ? `Broadly as predicted: every figure within ${band}.` : `Changed: ${outside} figure(s) outside ${band}.`, c.verdict === "BROADLY_AS_PREDICTED" ? "verdict pass" : "verdict fail"),
        chartOf(c),
      );
      const table = el("table", undefined, "compare-table");
      const head = el("tr");
      for (const h of ["phase", "provider", "figure", "baseline", "model", "change", "within"]) head.append(el("th", h));
      table.append(head);
      for (const r of c.rows) {
        for (const m of MEASURES) {
          const f = r[m];
          const tr = el("tr", undefined, f.withinTolerance ? "" : "outside");
          for (const cell of [r.phase === r.baselinePhase ? r.phase : `${r.phase} (vs ${r.baselinePhase})`, r.provider, MEASURE_LABELS[m], formatFigure(f.baseline), formatFigure(f.model), percent(f), f.withinTolerance ? "yes" : "no"]) tr.append(el("td", cell));
          table.append(tr);
        }
      }
      // Seven columns do not fit a 320 px pane: the table scrolls sideways inside the pane, the pane never does.
      const scroll = el("div", undefined, "table-scroll");
      scroll.append(table);
      result.append(scroll);
      const moved = c.rows.flatMap((r) => MEASURES.filter((m) => !r[m].withinTolerance).map((m) => ({ r, m })));
      if (moved.length) {
        result.append(el("h3", "What moved them"));
        const list = el("ul", undefined, "compare-attribution");
        for (const { r, m } of moved) {
          const f = r[m];
          const item = el("li", `${phaseLabel(r)} ${r.provider} ${MEASURE_LABELS[m]} ${signed(f.change)} (${percent(f)})`);
          const parts = el("ul");
          for (const p of f.parts) {
            if (p.value === 0) continue;
            const who = p.contributors.map((k) => `${k.name} ${signed(k.value)}`).join(", ");
            parts.append(el("li", `${GROUP_LABELS[p.group]} ${signed(p.value)}${who ? ` (${who})` : ""}`));
          }
          item.append(parts);
          list.append(item);
        }
        result.append(list);
      }
    },
  };
}
