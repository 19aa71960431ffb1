/**
 * The explanation of the selected result figure: its value, the formula in words, and
 * the terms that sum to it (nested), each input a button that selects its source cell; a
 * status as its two checks. Figures are rounded for reading; the exact value of each is
 * its tooltip and its `data-value` attribute.
 */
import { exhaustive, formatNumber, TABLE_NAMES, type ExplainInput, type ExplainTerm, type Explanation, type StatusCheck, type StatusExplanation } from "../../engine";
import { h, replaceChildren } from "../dom";
import { readableArithmetic, showFigure, showHour, showPercent } from "../format-figure";
import { showCell } from "./issues-view";
import { describeCheck } from "./check-text";

export type ExplainState =
  | { readonly kind: "idle" }
  | { readonly kind: "message"; readonly text: string; readonly address?: string }
  | { readonly kind: "explanation"; readonly explanation: Explanation | StatusExplanation; readonly address: string; readonly outdated: boolean };

export interface ExplainView {
  render(state: ExplainState): void;
}

/** Terms shown open by default; deeper or longer lists start collapsed. */
const OPEN_TERMS = 6;

/** A figure rounded for reading, its exact value in the tooltip. */
function figure(value: number, className = "num"): HTMLSpanElement {
  return h("span", { className, attrs: { title: `Exact: ${formatNumber(value)}` } }, showFigure(value));
}

function inputItem(input: ExplainInput, onSelect: (cell: string) => void): HTMLLIElement {
  const text = `${input.name} = ${showFigure(input.value)}`;
  const data = { value: String(input.value), cell: input.cell };
  if (!input.cell) {
    // No cell: an input table's default (e.g. Contingency 0), or a figure derived from others.
    const isInput = TABLE_NAMES.some((t) => t.toLowerCase() === input.table.toLowerCase());
    return h("li", { className: "input", data }, text, h("span", { className: "input-cell subtle" }, isInput ? ` ${input.table}: default` : ` derived (${input.table})`));
  }
  return h(
    "li",
    { className: "input", data },
    h(
      "button",
      { className: "link", attrs: { type: "button", title: `Select ${showCell(input.cell)} (exact value ${formatNumber(input.value)})` }, onClick: () => onSelect(input.cell) },
      text,
      h("span", { className: "input-cell" }, showCell(input.cell)),
    ),
  );
}

function termItem(term: ExplainTerm, level: number, onSelect: (cell: string) => void): HTMLLIElement {
  const item = h(
    "li",
    { className: "term", data: { value: String(term.value), level: String(level) } },
    h("div", { className: "term-head" }, h("span", { className: "term-label" }, term.label), figure(term.value, "term-value num")),
  );
  if (term.arithmetic) item.appendChild(h("code", { className: "arithmetic", attrs: { title: `Exact: ${term.arithmetic}` }, data: { exact: term.arithmetic } }, readableArithmetic(term.arithmetic)));
  if (term.inputs?.length) item.appendChild(h("ul", { className: "inputs" }, ...term.inputs.map((i) => inputItem(i, onSelect))));
  if (term.terms?.length) {
    const details = h(
      "details",
      { className: "subterms" },
      h("summary", {}, `${term.terms.length} term${term.terms.length === 1 ? "" : "s"}`),
      termList(term.terms, level + 1, onSelect),
    );
    details.open = level === 0 && term.terms.length <= OPEN_TERMS;
    item.appendChild(details);
  }
  return item;
}

function termList(terms: readonly ExplainTerm[], level: number, onSelect: (cell: string) => void): HTMLOListElement {
  return h("ol", { className: "terms", data: { level: String(level) } }, ...terms.map((t) => termItem(t, level, onSelect)));
}

function checkItem(check: StatusCheck, onSelect: (cell: string) => void): HTMLLIElement {
  const name = check.basis === "per_hour" ? "Per hour" : "Per second";
  const limit = check.basis === "per_hour" ? "CapacityPerHour" : "PeakPerSecond";
  return h(
    "li",
    { className: `term check-item ${check.passes ? "" : "check-fail"}`, data: { basis: check.basis, passes: String(check.passes), ratio: String(check.ratio) } },
    h("div", { className: "term-head" }, h("span", { className: "term-label" }, `${name}: ${check.passes ? "pass" : "FAIL"}`), h("span", { className: "term-value num" }, showPercent(check.ratio))),
    h("span", { className: "arithmetic" }, describeCheck(check)),
    check.limitCell
      ? h("ul", { className: "inputs" }, inputItem({ name: limit, value: check.limit, table: "PerformanceLevels", cell: check.limitCell }, onSelect))
      : null,
  );
}

function valueLine(e: Explanation | StatusExplanation): HTMLElement {
  if ("checks" in e) {
    return h("p", { className: "explain-value", data: { value: String(e.value), status: e.status } }, h("span", { className: `badge badge-${e.status.toLowerCase()}` }, e.status === "NO_LEVEL" ? "No level" : e.status));
  }
  // Utilisation is shown in one unit everywhere in the pane: percent with one decimal.
  if (e.unit === "fraction") {
    return h("p", { className: "explain-value", data: { value: String(e.value) }, attrs: { title: `Exact: ${formatNumber(e.value)}` } }, showPercent(e.value), h("span", { className: "unit" }, " of capacity"));
  }
  return h("p", { className: "explain-value", data: { value: String(e.value) } }, figure(e.value, ""), h("span", { className: "unit" }, ` ${e.unit}`));
}

function where(e: Explanation): string {
  return [e.phase, e.provider, e.hour !== undefined ? showHour(e.hour) : "", e.dmc ? `DMC ${e.dmc}` : "", e.transaction ? e.transaction : ""].filter(Boolean).join(" · ");
}

export function createExplainView(root: HTMLElement, onSelect: (cell: string) => void): ExplainView {
  let shownAddress = "";
  return {
    render(state) {
      root.dataset["state"] = state.kind;
      switch (state.kind) {
        case "idle":
          return replaceChildren(root, h("p", { className: "empty" }, "Select a figure on one of the sctvm result sheets to see how it was worked out."));
        case "message":
          return replaceChildren(root, h("p", { className: "empty" }, state.address ? `${showCell(state.address)}: ` : "", state.text));
        case "explanation": {
          const e = state.explanation;
          const parts: HTMLElement[] = [
            h("p", { className: "explain-where" }, h("span", { className: "explain-cell" }, showCell(state.address)), " ", where(e)),
            h("p", { className: "explain-figure subtle" }, e.figure),
            valueLine(e),
            h("p", { className: "formula" }, "checks" in e ? "" : "= ", h("code", {}, e.formula)),
          ];
          if (state.outdated) parts.push(h("p", { className: "report report-clash" }, "The sheet shows a different figure: it is older than the model. Compute again to refresh it."));
          if ("checks" in e) {
            if (e.checks.length) parts.push(h("ol", { className: "terms checks", data: { level: "0" } }, ...e.checks.map((c) => checkItem(c, onSelect))));
          } else parts.push(e.terms.length ? termList(e.terms, 0, onSelect) : h("p", { className: "empty" }, "No load: every term is zero."));
          replaceChildren(root, ...parts);
          // A newly selected figure brings its explanation into view (jsdom has no scrolling).
          if (state.address !== shownAddress) root.closest("section")?.scrollIntoView?.({ block: "start" });
          shownAddress = state.address;
          return;
        }
        default:
          return exhaustive(state);
      }
    },
  };
}
