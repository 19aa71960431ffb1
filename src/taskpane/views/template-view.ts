/** What inserting the template did: tables created, and the ones left alone because they exist. */
import type { InsertReport } from "../../io/ports";
import { h, replaceChildren } from "../dom";

export interface TemplateView {
  render(report: InsertReport | undefined): void;
}

function nameList(className: string, title: string, names: readonly string[]): HTMLElement {
  return h(
    "div",
    { className: `report ${className}` },
    h("p", { className: "report-title" }, title),
    h("ul", { className: "name-list" }, ...names.map((name) => h("li", { data: { name } }, name))),
  );
}

export function createTemplateView(root: HTMLElement): TemplateView {
  return {
    render(report) {
      if (!report) return replaceChildren(root);
      const parts: HTMLElement[] = [];
      if (report.created.length) parts.push(nameList("report-created", `Created ${report.created.length} table${report.created.length === 1 ? "" : "s"}:`, report.created));
      if (report.skipped.length) {
        parts.push(nameList("report-skipped", `Skipped ${report.skipped.length} that already exist (nothing was overwritten):`, report.skipped));
      }
      if (!parts.length) parts.push(h("p", { className: "report" }, "Nothing to insert."));
      replaceChildren(root, ...parts);
    },
  };
}
