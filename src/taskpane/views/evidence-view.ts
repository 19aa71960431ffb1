/**
 * The Test evidence panel: pick a harness's results file (Locust: its stats and, optionally,
 * stats history), the format, the phase and provider, optionally the export's JSON
 * schedule; see MET / NOT MET per requisite level and planned vs achieved requests per step
 * (inline SVG drawn from the report's own chart geometry). Files are read in the browser;
 * text goes in through textContent only. It builds its controls inside its section.
 */
import { buildStepChart, CHECK_TITLES, checkValue, requirementText, RESULTS_FORMATS, type Evidence, type NamedText, type ResultsFormat } from "../../evidence";
import { foldKey } from "../../engine";
import { h, replaceChildren } from "../dom";
import type { EvidenceForm, EvidencePanelView } from "../evidence-controller";

const SVG = "http://www.w3.org/2000/svg";
/** The pane's chart: the report's geometry at the pane's width. */
const PANE_CHART = { width: 300, height: 170, left: 44 };

function svg(tag: string, attrs: Record<string, string | number>, title?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (title !== undefined) {
    const t = document.createElementNS(SVG, "title");
    t.textContent = title;
    e.append(t);
  }
  return e;
}

function text(x: number, y: number, content: string, anchor = "middle"): SVGElement {
  const e = svg("text", { x: x.toFixed(1), y: y.toFixed(1), "text-anchor": anchor });
  e.textContent = content;
  return e;
}

/** Planned requests per step as bars, achieved as a line with points. */
function chartOf(e: Evidence): Element {
  const c = buildStepChart(e, PANE_CHART);
  if (!c) return h("p", { className: "subtle" }, "No schedule was given, so there are no planned steps to chart.");
  const chart = svg("svg", { id: "evidence-chart", class: "evidence-chart", width: c.width, height: c.height, viewBox: `0 0 ${c.width} ${c.height}`, role: "img", "aria-label": "Planned and achieved requests per step" });
  chart.append(svg("line", { x1: c.axis.x1, y1: c.axis.y, x2: c.axis.x2, y2: c.axis.y, class: "axis" }));
  chart.append(text(c.axis.x1 - 4, c.top + 8, c.maxLabel, "end"), text(c.axis.x1 - 4, c.axis.y, "0", "end"));
  for (const b of c.bars) chart.append(svg("rect", { x: b.x.toFixed(1), y: b.y.toFixed(1), width: b.width.toFixed(1), height: b.height.toFixed(1), class: "planned" }, b.title));
  if (c.points.length) {
    chart.append(svg("polyline", { class: "achieved", points: c.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ") }));
    for (const p of c.points) chart.append(svg("circle", { class: "achieved", cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: 2.5 }, p.title));
  }
  for (const l of c.labels) chart.append(text(l.x, l.y, l.text));
  const legend = h("p", { className: "legend subtle" }, h("span", { className: "key planned" }), "planned per step ", h("span", { className: "key achieved" }), c.points.length ? "achieved; x: model hour" : "achieved (the results have no time series); x: model hour");
  return h("div", { className: "evidence-chart-box" }, chart, legend);
}

function labelled(label: string, control: HTMLElement): HTMLElement {
  return h("div", { className: "field-row" }, h("label", { attrs: { for: control.id } }, label), control);
}

/** The picked file as UTF-8 text (FileReader: older Office webviews lack Blob.text()). */
function readFile(input: HTMLInputElement): Promise<NamedText | undefined> {
  const file = input.files?.[0];
  if (!file) return Promise.resolve(undefined);
  return new Promise((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done({ name: file.name, text: String(reader.result) });
    reader.onerror = () => fail(new Error(`${file.name}: cannot read the file (${reader.error?.message ?? "unknown error"})`));
    reader.readAsText(file, "utf-8");
  });
}

/** Saving the report: the Export panel's download and copy (downloads are unreliable in desktop webviews). */
export interface ReportActions {
  download(name: string, text: string): void;
  copy(text: string): Promise<void>;
}

export interface EvidenceViewEvents {
  readonly onJudge: () => void;
  readonly onSchedule: () => void;
}

export function createEvidenceView(section: HTMLElement, events: EvidenceViewEvents, actions: ReportActions): EvidencePanelView {
  const { onJudge } = events;
  const format = h("select", { attrs: { id: "evidence-format" } }, ...RESULTS_FORMATS.map((f) => h("option", { attrs: { value: f } }, f)));
  const results = h("input", { attrs: { id: "evidence-results", type: "file", accept: ".json,.csv,.jtl,.txt" } });
  const history = h("input", { attrs: { id: "evidence-history", type: "file", accept: ".csv" } });
  const schedule = h("input", { attrs: { id: "evidence-schedule", type: "file", accept: ".json" } });
  const phase = h("select", { attrs: { id: "evidence-phase" } });
  const provider = h("select", { attrs: { id: "evidence-provider" } });
  const judge = h("button", { attrs: { type: "button", id: "evidence-judge" }, className: "primary", onClick: onJudge }, "Judge run");
  const message = h("p", { className: "evidence-message", attrs: { id: "evidence-message", role: "status", "aria-live": "polite" } });
  const result = h("div", { className: "evidence-result", attrs: { id: "evidence-result" } });
  const historyRow = labelled("Stats history (optional)", history);
  const syncFormat = (): void => {
    historyRow.hidden = format.value !== "locust";
  };
  format.addEventListener("change", syncFormat);
  schedule.addEventListener("change", events.onSchedule);
  syncFormat();
  replaceChildren(
    section,
    h("h2", { attrs: { id: "evidence-heading" } }, "Test evidence"),
    h("p", { className: "subtle" }, "Judge a harness run against the requisite level, as sctvm evidence does. Files are read here; nothing is sent or written."),
    labelled("Format", format),
    labelled("Results file (Locust: stats)", results),
    historyRow,
    labelled("Schedule (export JSON, optional)", schedule),
    labelled("Phase", phase),
    labelled("Provider", provider),
    h("div", { className: "button-row" }, judge),
    message,
    result,
  );
  const options = (select: HTMLSelectElement, names: readonly string[]): void => {
    const kept = select.value;
    replaceChildren(select, ...names.map((n) => {
      const o = h("option", {}, n);
      o.value = n;
      return o;
    }));
    if (names.includes(kept)) select.value = kept;
  };
  return {
    showChoices(phases, providers) {
      options(phase, phases);
      options(provider, providers);
      section.hidden = false;
    },
    async readForm(): Promise<EvidenceForm> {
      const f = format.value as ResultsFormat;
      return {
        format: f,
        phase: phase.value,
        provider: provider.value,
        results: await readFile(results),
        history: f === "locust" ? await readFile(history) : undefined,
        schedule: await readFile(schedule),
      };
    },
    showMessage(text) {
      message.textContent = text;
    },
    selectTarget(wantedPhase, wantedProvider) {
      for (const [select, wanted] of [[phase, wantedPhase], [provider, wantedProvider]] as const) {
        const match = [...select.options].find((o) => foldKey(o.value) === foldKey(wanted));
        if (match) select.value = match.value;
      }
    },
    showEvidence(e, report = []) {
      replaceChildren(result);
      if (!e) return;
      const say = (text: string): void => {
        message.textContent = text;
      };
      const markdown = report.find((f) => f.name.endsWith(".md"));
      const files = h(
        "div",
        { className: "button-row", attrs: { id: "evidence-files" } },
        ...report.map((f) => h("button", { attrs: { type: "button" }, data: { file: f.name, action: "download" }, onClick: () => actions.download(f.name, f.text) }, `Download ${f.name}`)),
        markdown ? h("button", { attrs: { type: "button" }, data: { action: "copy" }, onClick: () => void actions.copy(markdown.text).then(() => say(`Copied ${markdown.name}.`), (err: unknown) => say(`Could not copy ${markdown.name}: ${err instanceof Error ? err.message : String(err)}`)) }, "Copy Markdown") : null,
      );
      const met = e.verdict === "MET";
      const table = h("table", { className: "evidence-checks" }, h("tr", {}, ...["check", "required", "achieved", "result"].map((t) => h("th", {}, t))));
      for (const c of e.checks) {
        table.append(h("tr", { className: c.met ? "" : "fail", attrs: { title: c.detail } }, h("td", {}, CHECK_TITLES[c.kind]), h("td", {}, requirementText(c)), h("td", {}, checkValue(c, c.achieved)), h("td", { className: c.met ? "pass" : "fail" }, c.met ? "PASS" : "FAIL")));
      }
      replaceChildren(
        result,
        h("p", { className: met ? "verdict pass" : "verdict fail", attrs: { id: "evidence-verdict" } }, `${met ? "MET" : "NOT MET"}: ${e.provider} in ${e.phase} — ${e.checks.filter((c) => c.met).length} of ${e.checks.length} requisite-level checks pass.`),
        table,
        h("h3", {}, "Planned vs achieved per step"),
        chartOf(e),
        e.notes.length ? h("ul", { className: "evidence-notes" }, ...e.notes.map((n) => h("li", {}, n))) : null,
        report.length ? h("p", { className: "subtle" }, "The report to attach (the same files as sctvm evidence --out):") : null,
        report.length ? files : null,
      );
    },
  };
}
