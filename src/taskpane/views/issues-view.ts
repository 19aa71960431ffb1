/**
 * The issues list: errors first (the engine's order), a row's issues together with the one
 * that explains them first (the rest folded when there are many), each with its code,
 * cell and message. An issue with a cell is a button: click or Enter selects that cell.
 * A workbook with no model table at all gets one prompt to insert the template.
 */
import type { Analysis, Issue } from "../../engine";
import { h, replaceChildren } from "../dom";
import { withoutFloatNoise } from "../format-figure";
import { groupIssues, isBlankWorkbook, type IssueGroup } from "../group-issues";

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

/** Rows with more issues than this show the lead issue and fold the rest. */
const OPEN_GROUP = 3;

function groupItems(group: IssueGroup, onSelect: (cell: string) => void): HTMLLIElement[] {
  const lead = issueItem(group.lead, onSelect);
  if (group.rest.length === 0) return [lead];
  if (group.rest.length + 1 <= OPEN_GROUP) return [lead, ...group.rest.map((i) => issueItem(i, onSelect))];
  const codes = [...new Set(group.rest.map((i) => i.code))].join(", ");
  const details = h(
    "details",
    { className: "issue-more" },
    h("summary", {}, `${group.rest.length} more in this row (${codes})`),
    h("ul", { className: "issues" }, ...group.rest.map((i) => issueItem(i, onSelect))),
  );
  lead.appendChild(details);
  lead.dataset["more"] = String(group.rest.length);
  return [lead];
}

/** What a workbook without any model table shows instead of one error per missing table. */
function blankWorkbook(onInsert: (() => void) | undefined): HTMLLIElement {
  return h(
    "li",
    { className: "empty blank-workbook", data: { blank: "true" } },
    "This workbook has no model tables yet. Insert the template (the sample model or empty tables) to start.",
    onInsert ? h("button", { className: "link", attrs: { type: "button" }, onClick: onInsert }, "Insert template") : null,
  );
}

export function createIssuesView(list: HTMLElement, counts: HTMLElement, onSelect: (cell: string) => void, onInsertTemplate?: () => void): IssuesView {
  return {
    render(analysis) {
      if (!analysis) {
        replaceChildren(counts);
        replaceChildren(list, h("li", { className: "empty" }, "Validate to check the model tables."));
        return;
      }
      const { errorCount, warningCount } = analysis;
      if (isBlankWorkbook(analysis.issues)) {
        counts.dataset["errors"] = String(errorCount);
        counts.dataset["warnings"] = String(warningCount);
        replaceChildren(counts, h("span", { className: "count" }, "no model yet"));
        replaceChildren(list, blankWorkbook(onInsertTemplate));
        return;
      }
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
      replaceChildren(list, ...groupIssues(analysis.issues).flatMap((group) => groupItems(group, onSelect)));
    },
  };
}
