/**
 * The explanation of the selected result figure: its value, the formula in words, and
 * the terms that sum to it (nested), each input a button that selects its source cell.
 * Every number also sits, in full precision, in a `data-value` attribute.
 */
import { exhaustive, TABLE_NAMES, type ExplainInput, type ExplainTerm, type Explanation } from "../../engine";
import { h, replaceChildren } from "../dom";
import { showFigure, showHour } from "../format-figure";
import { showCell } from "./issues-view";

export type ExplainState =
  | { readonly kind: "idle" }
  | { readonly kind: "message"; readonly text: string; readonly address?: string }
  | { readonly kind: "explanation"; readonly explanation: Explanation; readonly address: string; readonly outdated: boolean };

export interface ExplainView {
  render(state: ExplainState): void;
}

/** Terms shown open by default; deeper or longer lists start collapsed. */
const OPEN_TERMS = 6;

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
      { className: "link", attrs: { type: "button", title: `Select ${showCell(input.cell)}` }, onClick: () => onSelect(input.cell) },
      text,
      h("span", { className: "input-cell" }, showCell(input.cell)),
    ),
  );
}

function termItem(term: ExplainTerm, level: number, onSelect: (cell: string) => void): HTMLLIElement {
  const item = h(
    "li",
    { className: "term", data: { value: String(term.value), level: String(level) } },
    h("div", { className: "term-head" }, h("span", { className: "term-label" }, term.label), h("span", { className: "term-value num" }, showFigure(term.value))),
  );
  if (term.arithmetic) item.appendChild(h("code", { className: "arithmetic" }, term.arithmetic));
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
            h("p", { className: "explain-value", data: { value: String(e.value) } }, showFigure(e.value), h("span", { className: "unit" }, ` ${e.unit}`)),
            h("p", { className: "formula" }, "= ", h("code", {}, e.formula)),
          ];
          if (state.outdated) parts.push(h("p", { className: "report report-clash" }, "The sheet shows a different figure: it is older than the model. Compute again to refresh it."));
          parts.push(e.terms.length ? termList(e.terms, 0, onSelect) : h("p", { className: "empty" }, "No load: every term is zero."));
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
