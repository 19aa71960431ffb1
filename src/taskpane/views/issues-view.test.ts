/** @jest-environment jsdom */
import type { Analysis, Issue } from "../../engine";
import { createIssuesView, showCell } from "./issues-view";

const issue = (over: Partial<Issue>): Issue => ({ severity: "error", code: "NOT_A_NUMBER", table: "Volumes", cell: "'Volumes'!C7", message: "text in a numeric cell", ...over });

function analysis(issues: Issue[]): Analysis {
  const errorCount = issues.filter((i) => i.severity === "error").length;
  return { issues, errorCount, warningCount: issues.length - errorCount };
}

describe("issues view", () => {
  it("lists each issue with code, cell and message; an issue with a cell is a button that selects it", () => {
    const list = document.createElement("ul");
    const counts = document.createElement("span");
    const selected: string[] = [];
    createIssuesView(list, counts, (cell) => selected.push(cell)).render(
      analysis([issue({}), issue({ severity: "warning", code: "UNUSED", cell: "", table: "Profiles", message: "never used" })]),
    );
    const items = Array.from(list.querySelectorAll("li.issue")) as HTMLElement[];
    expect(items.map((i) => i.dataset["severity"])).toEqual(["error", "warning"]);
    expect(items[0]?.textContent).toContain("NOT_A_NUMBER");
    expect(items[0]?.textContent).toContain("Volumes!C7");
    expect(items[1]?.querySelector("button")).toBeNull();
    items[0]?.querySelector("button")?.click();
    expect(selected).toEqual(["'Volumes'!C7"]);
    expect(counts.dataset).toMatchObject({ errors: "1", warnings: "1" });
  });

  it("shows workbook text as text, never as markup", () => {
    const list = document.createElement("ul");
    createIssuesView(list, document.createElement("span"), () => undefined).render(analysis([issue({ message: '<img src=x onerror="alert(1)">' })]));
    expect(list.querySelector("img")).toBeNull();
    expect(list.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it("says so when there are no issues", () => {
    const list = document.createElement("ul");
    createIssuesView(list, document.createElement("span"), () => undefined).render(analysis([]));
    expect(list.textContent).toContain("No issues");
  });

  it("shows sheet-qualified cells without Excel's quotes", () => {
    expect(showCell("'Model sheet'!B2")).toBe("Model sheet!B2");
    expect(showCell("'Bob''s'!A1")).toBe("Bob's!A1");
    expect(showCell("Volumes!C7")).toBe("Volumes!C7");
  });
});
