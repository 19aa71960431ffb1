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

describe("issues view, order and blank workbooks", () => {
  it("shows the row's explaining issue first and folds the cells it explains", () => {
    const list = document.createElement("ul");
    const shares = Array.from({ length: 24 }, (_, h) => issue({ code: "OUT_OF_RANGE", table: "Profiles", cell: `'Profiles'!${String.fromCharCode(66 + h)}3`, message: `share ${h}` }));
    const sum = issue({ code: "PROFILE_SUM", table: "Profiles", cell: "'Profiles'!A3", message: "They sum to 100: the shares look typed as whole percentages" });
    createIssuesView(list, document.createElement("span"), () => undefined).render(analysis([...shares, sum]));
    const top = Array.from(list.children) as HTMLElement[];
    expect(top).toHaveLength(1);
    expect(top[0]?.dataset["code"]).toBe("PROFILE_SUM");
    expect(top[0]?.dataset["more"]).toBe("24");
    expect(top[0]?.querySelector("details summary")?.textContent).toBe("24 more in this row (OUT_OF_RANGE)");
    expect(top[0]?.querySelectorAll("details li.issue")).toHaveLength(24);
  });

  it("points a workbook with no model tables to Insert template instead of listing MISSING_TABLE errors", () => {
    const list = document.createElement("ul");
    const counts = document.createElement("span");
    let asked = 0;
    const tables = ["Phases", "Providers", "DMCs", "Volumes", "Transactions", "Profiles", "PerformanceLevels"];
    createIssuesView(list, counts, () => undefined, () => (asked += 1)).render(analysis(tables.map((table) => issue({ code: "MISSING_TABLE", table, cell: "" }))));
    expect(list.querySelectorAll("li.issue")).toHaveLength(0);
    expect(list.textContent).toContain("no model tables yet");
    list.querySelector("button")?.click();
    expect(asked).toBe(1);
    expect(counts.textContent).toBe("no model yet");
  });

  it("keeps the exact message as a tooltip and shows it without floating-point noise", () => {
    const list = document.createElement("ul");
    const message = "Profile Flat: hourly shares do not sum to 1 (found H00…H23 summing to 8.919999999999995).";
    createIssuesView(list, document.createElement("span"), () => undefined).render(analysis([issue({ message })]));
    const shown = list.querySelector<HTMLElement>(".issue-message");
    expect(shown?.textContent).toContain("summing to 8.92)");
    expect(shown?.title).toBe(message);
  });
});
