/**
 * The issues list: errors first (the engine's order), each with its code, cell and message.
 * An issue with a cell is a button: click or Enter selects that cell in the workbook.
 */
import type { Analysis, Issue } from "../../engine";
import { h, replaceChildren } from "../dom";
import { withoutFloatNoise } from "../format-figure";

export interface IssuesView {
  render(analysis: Analysis | undefined): void;
}

/** `'Volumes'!C7` → `Volumes!C7` for display (the quotes are Excel syntax, not content). */
export function showCell(cell: string): string {
  return cell.replace(/^'((?:[^']|'')*)'!/, (_, sheet: string) => `${sheet.replace(/''/g, "'")}!`);
}

function issueItem(issue: Issue, onSelect: (cell: string) => void): HTMLLIElement {
  const body = [
    h("span", { className: `severity severity-${issue.severity}`, attrs: { "aria-label": issue.severity } }, issue.severity === "error" ? "Error" : "Warning"),
    h("span", { className: "issue-code" }, issue.code),
    h("span", { className: "issue-cell" }, issue.cell ? showCell(issue.cell) : issue.table),
    h("span", { className: "issue-message", attrs: { title: issue.message } }, withoutFloatNoise(issue.message)),
  ];
  const data = { severity: issue.severity, code: issue.code, cell: issue.cell };
  if (!issue.cell) return h("li", { className: "issue", data }, h("div", { className: "issue-body" }, ...body));
  const button = h(
    "button",
    { className: "issue-body issue-link", attrs: { type: "button", title: `Select ${showCell(issue.cell)}` }, onClick: () => onSelect(issue.cell) },
    ...body,
  );
  return h("li", { className: "issue", data }, button);
}

export function createIssuesView(list: HTMLElement, counts: HTMLElement, onSelect: (cell: string) => void): IssuesView {
  return {
    render(analysis) {
      if (!analysis) {
        replaceChildren(counts);
        replaceChildren(list, h("li", { className: "empty" }, "Validate to check the model tables."));
        return;
      }
      const { errorCount, warningCount } = analysis;
      counts.dataset["errors"] = String(errorCount);
      counts.dataset["warnings"] = String(warningCount);
      replaceChildren(
        counts,
        h("span", { className: errorCount ? "count count-error" : "count count-ok" }, `${errorCount} error${errorCount === 1 ? "" : "s"}`),
        h("span", { className: warningCount ? "count count-warning" : "count count-ok" }, `${warningCount} warning${warningCount === 1 ? "" : "s"}`),
      );
      if (analysis.issues.length === 0) {
        replaceChildren(list, h("li", { className: "empty ok" }, "No issues: the model is ready to compute."));
        return;
      }
      replaceChildren(list, ...analysis.issues.map((issue) => issueItem(issue, onSelect)));
    },
  };
}
