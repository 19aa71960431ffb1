import { analyseWorkbook, type Issue } from "../engine";
import { loadSampleAnalysis } from "../../test/taskpane/sample-analysis";
import { groupIssues, isBlankWorkbook } from "./group-issues";

/** The sample with its first profile typed in whole percentages (each share × 100). */
async function percentProfile(): Promise<readonly Issue[]> {
  const { grids } = await loadSampleAnalysis();
  const tables = grids.tables.map((t) => (t.name !== "Profiles" ? t : { ...t, rows: t.rows.map((r, i) => (i === 1 ? r.map((v, j) => (j > 0 && typeof v === "number" ? v * 100 : v)) : r)) }));
  return analyseWorkbook({ ...grids, tables }).issues;
}

describe("groupIssues", () => {
  it("puts a profile's PROFILE_SUM before the OUT_OF_RANGE shares of its row", async () => {
    const issues = await percentProfile();
    const engineOrder = issues.map((i) => i.code);
    expect(engineOrder.indexOf("PROFILE_SUM")).toBeGreaterThan(engineOrder.indexOf("OUT_OF_RANGE"));
    const groups = groupIssues(issues);
    const row = groups.find((g) => g.rest.some((i) => i.code === "OUT_OF_RANGE") || g.lead.code === "PROFILE_SUM");
    expect(row?.lead.code).toBe("PROFILE_SUM");
    expect(row?.lead.message).toContain("whole percentages");
    const outOfRange = issues.filter((i) => i.code === "OUT_OF_RANGE");
    expect(outOfRange.length).toBeGreaterThan(3);
    expect(row?.rest).toEqual(outOfRange);
  });

  it("keeps every issue exactly once, errors before warnings, groups in order of first appearance", async () => {
    const issues = await percentProfile();
    const flat = groupIssues(issues).flatMap((g) => [g.lead, ...g.rest]);
    expect(new Set(flat)).toEqual(new Set(issues));
    expect(flat).toHaveLength(issues.length);
    const firstWarning = flat.findIndex((i) => i.severity === "warning");
    if (firstWarning >= 0) expect(flat.slice(firstWarning).every((i) => i.severity === "warning")).toBe(true);
  });

  it("leaves issues without a cell, and issues of different rows, in their own groups", () => {
    const a: Issue = { severity: "error", code: "MISSING_TABLE", table: "Volumes", cell: "", message: "a" };
    const b: Issue = { severity: "error", code: "MISSING_TABLE", table: "DMCs", cell: "", message: "b" };
    const c: Issue = { severity: "error", code: "NEGATIVE", table: "Volumes", cell: "'Volumes'!C3", message: "c" };
    const d: Issue = { severity: "error", code: "NEGATIVE", table: "Volumes", cell: "'Volumes'!C4", message: "d" };
    expect(groupIssues([a, b, c, d]).map((g) => [g.lead.message, g.rest.length])).toEqual([["a", 0], ["b", 0], ["c", 0], ["d", 0]]);
  });
});

describe("isBlankWorkbook", () => {
  it("is true for a workbook with no model tables and false once any exists", () => {
    const blank = analyseWorkbook({ tables: [], sheets: [] });
    expect(blank.issues.every((i) => i.code === "MISSING_TABLE")).toBe(true);
    expect(isBlankWorkbook(blank.issues)).toBe(true);
    expect(isBlankWorkbook(blank.issues.slice(1))).toBe(false);
    expect(isBlankWorkbook([])).toBe(false);
  });
});
