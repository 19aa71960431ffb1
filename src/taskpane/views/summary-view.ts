/**
 * The phase × provider summary after Compute: required and capacity per hour, utilisation
 * with a bar, PASS/FAIL badges; the sheets written, any clashes, and a "stale" marker once
 * the inputs have changed since.
 */
import type { ProviderSummary, Status, VolumeModel } from "../../engine";
import { h, replaceChildren } from "../dom";
import { showFigure, showPercent } from "../format-figure";
import type { ComputeOutcome } from "../model-operations";

export interface SummaryView {
  render(outcome: ComputeOutcome | undefined): void;
  setStale(stale: boolean): void;
}

const STATUS_TEXT: Readonly<Record<Status, string>> = { PASS: "PASS", FAIL: "FAIL", NO_LEVEL: "No level" };

function utilisationCell(s: ProviderSummary): HTMLTableCellElement {
  if (s.utilisation === null) return h("td", { className: "num" }, "–");
  const fill = h("span", { className: `bar-fill ${s.status === "FAIL" ? "bar-fail" : ""}` });
  // CSSOM, not a style attribute: allowed by the pane's Content-Security-Policy.
  fill.style.width = `${Math.min(s.utilisation, 1) * 100}%`;
  return h("td", { className: "num util" }, h("span", { className: "bar", attrs: { "aria-hidden": "true" } }, fill), showPercent(s.utilisation));
}

function summaryRow(model: VolumeModel, s: ProviderSummary): HTMLTableRowElement {
  const provider = model.providers[s.provider]?.name ?? "";
  const phase = model.phases[s.phase]?.name ?? "";
  return h(
    "tr",
    { data: { phase, provider, status: s.status } },
    h("th", { attrs: { scope: "row" } }, provider),
    h("td", { className: "num" }, showFigure(s.requiredPerHour)),
    h("td", { className: "num" }, showFigure(s.capacityPerHour)),
    utilisationCell(s),
    h("td", {}, h("span", { className: `badge badge-${s.status.toLowerCase()}` }, STATUS_TEXT[s.status])),
  );
}

function summaryTable(model: VolumeModel, summaries: readonly ProviderSummary[]): HTMLTableElement {
  const head = h(
    "thead",
    {},
    h("tr", {}, ...[["Provider", ""], ["Required/h", "Required per hour: peak × (1 + Headroom)"], ["Capacity/h", "CapacityPerHour"], ["Use", "Utilisation: required / capacity"], ["Status", ""]].map(([t, title]) => h("th", { attrs: { scope: "col", ...(title ? { title } : {}) } }, t ?? ""))),
  );
  const bodies = model.phases.map((phase, ph) =>
    h(
      "tbody",
      { data: { phase: phase.name } },
      h("tr", { className: "group" }, h("th", { attrs: { colspan: "5", scope: "rowgroup" } }, phase.name)),
      ...summaries.filter((s) => s.phase === ph).map((s) => summaryRow(model, s)),
    ),
  );
  return h("table", { className: "summary-table", attrs: { "aria-label": "Requisite level checks by phase and provider" } }, head, ...bodies);
}

export function createSummaryView(root: HTMLElement, staleBadge: HTMLElement): SummaryView {
  return {
    render(outcome) {
      if (!outcome) return replaceChildren(root, h("p", { className: "empty" }, "Compute to write the result sheets and check each provider."));
      const { analysis, report } = outcome;
      const parts: HTMLElement[] = [];
      if (report.clashes.length) {
        parts.push(
          h(
            "div",
            { className: "report report-clash", attrs: { role: "note" } },
            h("p", { className: "report-title" }, "Not written: these sheets exist and were not made by the add-in. Rename or delete them, then compute again."),
            h("ul", { className: "name-list" }, ...report.clashes.map((name) => h("li", { data: { name } }, name))),
          ),
        );
      }
      if (!analysis.model || !analysis.results) {
        parts.push(h("p", { className: "empty" }, `The model has ${analysis.errorCount} error${analysis.errorCount === 1 ? "" : "s"}: fix them (see Issues) and compute again.`));
        return replaceChildren(root, ...parts);
      }
      const summaries = analysis.results.summaries;
      const fails = summaries.filter((s) => s.status === "FAIL").length;
      const passes = summaries.filter((s) => s.status === "PASS").length;
      parts.unshift(
        h(
          "p",
          { className: "verdict", data: { pass: String(passes), fail: String(fails) } },
          h("span", { className: `badge badge-${fails ? "fail" : "pass"}` }, fails ? `${fails} FAIL` : "All PASS"),
          ` ${passes} of ${summaries.length} checks pass.`,
        ),
        summaryTable(analysis.model, summaries),
        h("p", { className: "subtle" }, `Written to ${report.sheets.length} sheet${report.sheets.length === 1 ? "" : "s"} at ${outcome.stamp.replace("T", " ").slice(0, 19)} UTC.`),
      );
      replaceChildren(root, ...parts);
    },
    setStale(stale) {
      staleBadge.hidden = !stale;
      root.dataset["stale"] = String(stale);
      root.classList.toggle("is-stale", stale);
    },
  };
}
