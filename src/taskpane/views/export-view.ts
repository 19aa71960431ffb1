/**
 * The Export panel: the CLI's export options and formats over the computed model; each file
 * can be downloaded or copied, the CSV schedule written to a new sheet, and a preview chart
 * shows the schedule's rate over test time stacked by transaction. It builds its own
 * controls inside the section it is given.
 */
import { DEFAULT_SCHEDULE_OPTIONS, SCHEDULE_SHAPES, type Analysis } from "../../engine";
import { buildExports, EXPORT_FORMATS, parseExportOptions, parseFormatList, type ExportResult } from "../../export";
import { SCHEDULE_CSV_COLUMNS, scheduleCsvRows } from "../../export/csv/emit-csv";
import { buildScheduleChartConfig, describeScheduleChart } from "../charts/schedule-chart-config";
import { h, replaceChildren } from "../dom";
import type { ExportActions } from "../export-actions";

export interface ExportView {
  /** Shows the panel for a computed analysis (or explains why there is nothing to export). */
  render(analysis: Analysis | undefined): void;
}

const ALL = "(all providers)";

function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id;
  return h("div", { className: "field-row" }, h("label", { attrs: { for: id } }, label), control);
}

function input(id: string, value: string, attrs: Record<string, string> = {}): HTMLInputElement {
  return h("input", { attrs: { id, value, ...attrs } });
}

function select(id: string, options: readonly string[]): HTMLSelectElement {
  return h("select", { attrs: { id } }, ...options.map((o) => h("option", { attrs: { value: o } }, o)));
}

export function createExportView(section: HTMLElement, actions: ExportActions): ExportView {
  const phase = select("export-phase", []);
  const provider = select("export-provider", []);
  const format = select("export-format", ["all", ...EXPORT_FORMATS.map((f) => f.id)]);
  const hours = input("export-hours", `${DEFAULT_SCHEDULE_OPTIONS.hours.from}-${DEFAULT_SCHEDULE_OPTIONS.hours.to}`, { size: "6" });
  const secondsPerHour = input("export-seconds-per-hour", String(DEFAULT_SCHEDULE_OPTIONS.secondsPerHour), { inputmode: "decimal", size: "6" });
  const scale = input("export-scale", String(DEFAULT_SCHEDULE_OPTIONS.scale), { inputmode: "decimal", size: "6" });
  const burst = input("export-burst", "", { type: "checkbox" });
  const shape = select("export-shape", SCHEDULE_SHAPES);
  const engines = input("export-engines", String(DEFAULT_SCHEDULE_OPTIONS.engines), { inputmode: "numeric", size: "4" });
  const target = input("export-target", DEFAULT_SCHEDULE_OPTIONS.target);
  const responseTime = input("export-response-time", String(DEFAULT_SCHEDULE_OPTIONS.responseTimeSeconds), { inputmode: "decimal", size: "6" });
  const build = h("button", { attrs: { type: "button", id: "export-build" }, className: "primary" }, "Export");
  const toSheet = h("button", { attrs: { type: "button", id: "export-to-sheet" } }, "Write CSV schedule to a new sheet");
  const status = h("p", { className: "subtle", attrs: { id: "export-status", role: "status", "aria-live": "polite" } });
  const notes = h("ul", { className: "export-notes", attrs: { id: "export-notes" } });
  const files = h("ul", { className: "export-files", attrs: { id: "export-files" } });
  const canvas = h("canvas", { attrs: { id: "export-chart", role: "img", "aria-label": "Export preview" } }, "Rate per second over test time.");
  const chartBox = h("div", { className: "chart-box" }, canvas);
  chartBox.hidden = true;
  toSheet.hidden = true;

  replaceChildren(
    section,
    h("h2", { attrs: { id: "export-heading" } }, "Export load profile"),
    field("Phase", phase),
    field("Provider", provider),
    field("Format", format),
    field("Hours (A-B)", hours),
    field("Seconds per hour", secondsPerHour),
    field("Scale", scale),
    field("Peak second (burst)", burst),
    field("Shape", shape),
    field("Engines", engines),
    field("Target URL", target),
    field("Response time (s)", responseTime),
    h("div", { className: "button-row" }, build, toSheet),
    status,
    chartBox,
    notes,
    files,
  );

  let analysis: Analysis | undefined;
  let last: ExportResult | undefined;
  let removeChart: (() => void) | undefined;

  const say = (text: string, error = false): void => {
    status.textContent = text;
    status.setAttribute("role", error ? "alert" : "status");
    status.className = error ? "export-error" : "subtle";
  };

  const clearResult = (): void => {
    last = undefined;
    removeChart?.();
    removeChart = undefined;
    chartBox.hidden = true;
    toSheet.hidden = true;
    replaceChildren(notes);
    replaceChildren(files);
  };

  const run = (): void => {
    clearResult();
    if (!analysis?.model || !analysis.results || !analysis.fingerprint) return say("The model has errors: fix them and compute again before exporting.", true);
    const parsed = parseExportOptions({
      hours: hours.value,
      secondsPerHour: secondsPerHour.value,
      scale: scale.value,
      burst: burst.checked,
      shape: shape.value,
      engines: engines.value,
      target: target.value,
      responseTimeSeconds: responseTime.value,
    });
    if (!parsed.ok) return say(parsed.errors.join("; "), true);
    const outcome = buildExports({
      model: analysis.model,
      results: analysis.results,
      fingerprint: analysis.fingerprint,
      phase: phase.value,
      provider: provider.value === ALL ? undefined : provider.value,
      formats: parseFormatList(format.value).formats,
      options: parsed.options,
    });
    if (!outcome.ok) return say(outcome.error, true);
    last = outcome.result;
    const first = last.schedules[0];
    say(`${last.files.length} file(s) for ${last.schedules.length} provider(s).`);
    append(notes, last.notes.map((n) => h("li", {}, n)));
    append(
      files,
      last.files.map((f) =>
        h(
          "li",
          { data: { file: f.name } },
          h("span", { className: "file-name" }, f.name),
          h("button", { attrs: { type: "button" }, data: { action: "download" }, onClick: () => actions.download(f.name, f.text) }, "Download"),
          h("button", { attrs: { type: "button" }, data: { action: "copy" }, onClick: () => void copy(f.name, f.text) }, "Copy"),
        ),
      ),
    );
    toSheet.hidden = !actions.writeSheet || last.schedules.length === 0;
    if (first) {
      chartBox.hidden = false;
      canvas.setAttribute("aria-label", describeScheduleChart(first));
      canvas.dataset["provider"] = first.provider;
      removeChart = actions.drawChart(canvas, buildScheduleChartConfig(first));
    }
  };

  const copy = async (name: string, text: string): Promise<void> => {
    try {
      await actions.copy(text);
      say(`Copied ${name} to the clipboard.`);
    } catch (error) {
      say(`Could not copy ${name}: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  };

  const writeSheet = async (): Promise<void> => {
    const write = actions.writeSheet;
    if (!last || !write) return;
    const rows: (string | number)[][] = [[...SCHEDULE_CSV_COLUMNS], ...last.schedules.flatMap(scheduleCsvRows)];
    try {
      const name = await write(`sctvm Schedule ${phase.value}`, rows);
      say(`Wrote ${rows.length - 1} schedule rows to the new sheet '${name}'.`);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), true);
    }
  };

  build.addEventListener("click", run);
  toSheet.addEventListener("click", () => void writeSheet());

  return {
    render(next) {
      analysis = next;
      clearResult();
      const model = next?.model;
      section.hidden = !next;
      if (!model || !next.results) {
        build.disabled = true;
        return say("The model has errors: fix them and compute again before exporting.", true);
      }
      build.disabled = false;
      const keep = (el: HTMLSelectElement, names: readonly string[]): void => {
        const was = el.value;
        replaceChildren(el, ...names.map((n) => h("option", { attrs: { value: n } }, n)));
        el.value = names.includes(was) ? was : (names[0] ?? "");
      };
      keep(phase, model.phases.map((p) => p.name));
      keep(provider, [...model.providers.map((p) => p.name), ALL]);
      say("Choose the options, then Export.");
    },
  };
}

function append(parent: Element, children: readonly Node[]): void {
  for (const c of children) parent.appendChild(c);
}
