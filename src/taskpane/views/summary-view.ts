/**
 * The phase × provider summary after Compute: both checks behind each status (required
 * per hour against CapacityPerHour, per second against PeakPerSecond) as percentages with
 * bars, PASS/FAIL badges, and for a FAIL which check failed and by how much; the sheets written, any clashes, and a "stale" marker once
 * the inputs have changed since.
 */
import { statusChecks, type ProviderSummary, type Status, type StatusCheck, type VolumeModel } from "../../engine";
import { h, replaceChildren } from "../dom";
import { showPercent } from "../format-figure";
import { checkName, describeCheck } from "./check-text";
import type { ComputeOutcome } from "../model-operations";

export interface SummaryView {
  render(outcome: ComputeOutcome | undefined): void;
  /** Marks the shown results stale (or fresh), with the reason in words. */
  setStale(stale: boolean, reason?: string): void;
}

const STATUS_TEXT: Readonly<Record<Status, string>> = { PASS: "PASS", FAIL: "FAIL", NO_LEVEL: "No level" };

/** A check's cell: required as a percentage of its limit, a bar, and a ✗ when it fails. */
function checkCell(check: StatusCheck | undefined, absent: string): HTMLTableCellElement {
  if (!check) return h("td", { className: "num check", attrs: { title: absent } }, "–");
  const fill = h("span", { className: `bar-fill ${check.passes ? "" : "bar-fail"}` });
  // CSSOM, not a style attribute: allowed by the pane's Content-Security-Policy.
  fill.style.width = `${Math.min(check.ratio, 1) * 100}%`;
  return h(
    "td",
    { className: `num check ${check.passes ? "" : "check-fail"}`, attrs: { title: describeCheck(check) }, data: { basis: check.basis, passes: String(check.passes) } },
    h("span", { className: "bar", attrs: { "aria-hidden": "true" } }, fill),
    showPercent(check.ratio),
    check.passes ? "" : h("span", { className: "fail-mark", attrs: { "aria-hidden": "true" } }, " ✗"),
  );
}

function summaryRows(model: VolumeModel, s: ProviderSummary): HTMLTableRowElement[] {
  const provider = model.providers[s.provider]?.name ?? "";
  const phase = model.phases[s.phase]?.name ?? "";
  const checks = statusChecks(model, s);
  const failed = checks.filter((c) => !c.passes);
  const hour = checks.find((c) => c.basis === "per_hour");
  const second = checks.find((c) => c.basis === "per_second");
  const row = h(
    "tr",
    { data: { phase, provider, status: s.status, fails: failed.map((c) => c.basis).join(" ") } },
    h("th", { attrs: { scope: "row" } }, provider),
    checkCell(hour, "No performance level applies"),
    checkCell(second, s.capacityPerHour === null ? "No performance level applies" : "The level has no PeakPerSecond: no per-second check"),
    h("td", { className: "status" }, h("span", { className: `badge badge-${s.status.toLowerCase()}` }, STATUS_TEXT[s.status])),
  );
  if (failed.length === 0) return [row];
  // Say which check failed and by how much, in words, under the row.
  const why = failed.map((c) => `Fails ${checkName(c)}: ${describeCheck(c)}.`).join(" ");
  return [row, h("tr", { className: "why", data: { phase, provider } }, h("td", { attrs: { colspan: "4" } }, why))];
}

function summaryTable(model: VolumeModel, summaries: readonly ProviderSummary[]): HTMLTableElement {
  const columns: [string, string][] = [
    ["Provider", ""],
    ["Per hour", "Required per hour (peak × (1 + Headroom)) as a percentage of CapacityPerHour"],
    ["Per second", "Required per second as a percentage of PeakPerSecond"],
    ["Status", "PASS when both checks are within their limits"],
  ];
  const head = h("thead", {}, h("tr", {}, ...columns.map(([t, title]) => h("th", { attrs: { scope: "col", ...(title ? { title } : {}) } }, t))));
  const bodies = model.phases.map((phase, ph) =>
    h(
      "tbody",
      { data: { phase: phase.name } },
      h("tr", { className: "group" }, h("th", { attrs: { colspan: "4", scope: "rowgroup" } }, phase.name)),
      ...summaries.filter((s) => s.phase === ph).flatMap((s) => summaryRows(model, s)),
    ),
  );
  return h("table", { className: "summary-table", attrs: { "aria-label": "Requisite level checks by phase and provider: per hour and per second" } }, head, ...bodies);
}

export function createSummaryView(root: HTMLElement, staleBadge: HTMLElement, staleReason?: HTMLElement): SummaryView {
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
        if (report.kept.length) parts.push(h("p", { className: "subtle", data: { kept: String(report.kept.length) } }, `The result sheets of the last good Compute are kept, marked stale: ${report.kept.join(", ")}.`));
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
    setStale(stale, reason) {
      staleBadge.hidden = !stale;
      staleBadge.title = stale && reason ? reason : "The inputs changed after the last Compute";
      if (staleReason) {
        staleReason.hidden = !stale || !reason;
        staleReason.textContent = stale && reason ? reason : "";
      }
      root.dataset["stale"] = String(stale);
      root.classList.toggle("is-stale", stale);
    },
  };
}
