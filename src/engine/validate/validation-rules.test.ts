import { analyseWorkbook, type CellValue, type IssueCode, type WorkbookGrids } from "..";
import { buildGrids, grid, setCell, type Rows } from "../../../test/support/model-grids";

type Edit = (t: Record<string, Rows>) => void;

/** Finds the issues with a code; each case asserts the exact cell. */
function issuesFor(grids: WorkbookGrids, code: IssueCode) {
  return analyseWorkbook(grids).issues.filter((i) => i.code === code);
}

function expectIssue(edit: Edit, code: IssueCode, cell: string, severity: "error" | "warning" = "error") {
  const a = analyseWorkbook(buildGrids(edit));
  const hits = a.issues.filter((i) => i.code === code);
  expect(hits.map((i) => i.cell)).toContain(cell);
  const hit = hits.find((i) => i.cell === cell);
  expect(hit?.severity).toBe(severity);
  expect(hit?.message.length).toBeGreaterThan(10);
  if (severity === "error") {
    expect(a.results).toBeUndefined();
  }
  return a;
}

const set = (table: string, row: number, header: string, value: CellValue): Edit => (t) => setCell(t[table] as Rows, row, header, value);

describe("validation rules", () => {
  it("reports MISSING_TABLE with no cell for an absent required table", () => {
    const a = analyseWorkbook(buildGrids((t) => delete t.Volumes));
    const hit = a.issues.find((i) => i.code === "MISSING_TABLE");
    expect(hit).toMatchObject({ table: "Volumes", cell: "", severity: "error" });
  });

  it("accepts a model without the optional Settings and Overrides tables", () => {
    const a = analyseWorkbook(buildGrids((t) => { delete t.Settings; delete t.Overrides; }));
    expect(a.errorCount).toBe(0);
    expect(a.model?.settings.burstFactor.value).toBe(1);
    expect(a.model?.settings.tolerance.value).toBe(0.1);
  });

  it("reports MISSING_COLUMN at the header row's first cell", () => {
    expectIssue((t) => { (t.Volumes as Rows)[0]![2] = "Pop"; }, "MISSING_COLUMN", "'Volumes'!A1");
  });

  it("reports a missing provider column in Transactions as MISSING_COLUMN", () => {
    const a = expectIssue((t) => { for (const r of t.Transactions as Rows) r.splice(6, 1); }, "MISSING_COLUMN", "'Transactions'!A1");
    expect(a.issues.find((i) => i.code === "MISSING_COLUMN")?.message).toContain("S1SP");
  });

  it("reports EMPTY_TABLE for a required table with only blank rows", () => {
    expectIssue((t) => { t.DMCs = [["DMC", "Generation"], [null, "  "]]; }, "EMPTY_TABLE", "'DMCs'!A1");
  });

  it("reports DUPLICATE_KEY at the second key cell, case-insensitively", () => {
    expectIssue((t) => { (t.DMCs as Rows).push([" s1-a ", "SMETS1", "x"]); }, "DUPLICATE_KEY", "'DMCs'!A4");
  });

  it("reports DUPLICATE_KEY for a repeated (Phase, DMC) volume", () => {
    expectIssue((t) => { (t.Volumes as Rows).push(["ioc", "S1-A", 5, 0, 0]); }, "DUPLICATE_KEY", "'Volumes'!A6");
  });

  it("reports UNKNOWN_REFERENCE for a volume naming an undefined DMC", () => {
    expectIssue(set("Volumes", 1, "DMC", "NOPE"), "UNKNOWN_REFERENCE", "'Volumes'!B2");
  });

  it("reports UNKNOWN_REFERENCE for an undefined profile", () => {
    expectIssue(set("Transactions", 2, "Profile", "Evening"), "UNKNOWN_REFERENCE", "'Transactions'!E3");
  });

  it("reports UNKNOWN_REFERENCE for an override of an undefined transaction", () => {
    expectIssue(set("Overrides", 1, "Transaction", "Nothing"), "UNKNOWN_REFERENCE", "'Overrides'!B2");
  });

  it("reports UNKNOWN_REFERENCE for a level naming an undefined phase", () => {
    expectIssue(set("PerformanceLevels", 2, "Phase", "XOC"), "UNKNOWN_REFERENCE", "'PerformanceLevels'!B3");
  });

  it("reports MISSING_VALUE for a blank required cell", () => {
    expectIssue(set("Volumes", 2, "Population", null), "MISSING_VALUE", "'Volumes'!C3");
  });

  it("reports NOT_A_NUMBER for text in a numeric cell", () => {
    expectIssue(set("Volumes", 2, "Population", "lots"), "NOT_A_NUMBER", "'Volumes'!C3");
  });

  it("accepts numeric text with a NUMBER_AS_TEXT warning and uses its value", () => {
    const a = expectIssue(set("Volumes", 1, "Population", " 1000 "), "NUMBER_AS_TEXT", "'Volumes'!C2", "warning");
    expect(a.errorCount).toBe(0);
    expect(a.model?.volumes[0]?.population.value).toBe(1000);
  });

  it("reports FORMULA_ERROR for an Excel error value, as object or as Office.js text", () => {
    expectIssue(set("Volumes", 1, "Population", { error: "#REF!" }), "FORMULA_ERROR", "'Volumes'!C2");
    expectIssue(set("Transactions", 1, "Rate", "#DIV/0!"), "FORMULA_ERROR", "'Transactions'!D2");
  });

  it("reports NEGATIVE for a negative rate", () => {
    expectIssue(set("Transactions", 3, "Rate", -1), "NEGATIVE", "'Transactions'!D4");
  });

  it("reports NEGATIVE for negative routing and negative headroom", () => {
    expectIssue(set("Transactions", 3, "DSP", -1), "NEGATIVE", "'Transactions'!F4");
    expectIssue(set("PerformanceLevels", 1, "Headroom", -0.1), "NEGATIVE", "'PerformanceLevels'!E2");
  });

  it("reports OUT_OF_RANGE for zero capacity, BurstFactor below 1 and a share above 1", () => {
    expectIssue(set("PerformanceLevels", 1, "CapacityPerHour", 0), "OUT_OF_RANGE", "'PerformanceLevels'!C2");
    expectIssue(set("Settings", 2, "Value", 0.5), "OUT_OF_RANGE", "'Settings'!B3");
    expectIssue(set("Profiles", 3, "H05", 2), "OUT_OF_RANGE", "'Profiles'!G4");
  });

  it("reports OUT_OF_RANGE for a non-finite number typed as text", () => {
    expectIssue(set("Volumes", 1, "Population", "1e999"), "OUT_OF_RANGE", "'Volumes'!C2");
  });

  it("reports BAD_ENUM for an unknown generation or stream", () => {
    expectIssue(set("DMCs", 1, "Generation", "SMETS3"), "BAD_ENUM", "'DMCs'!B2");
    expectIssue(set("Transactions", 1, "Stream", "Daily"), "BAD_ENUM", "'Transactions'!C2");
  });

  it("matches enums case-insensitively", () => {
    const a = analyseWorkbook(buildGrids((t) => { set("DMCs", 1, "Generation", " smets1 ")(t); set("Transactions", 5, "Generation", "ALL")(t); }));
    expect(a.errorCount).toBe(0);
    expect(a.model?.dmcs[0]?.generation).toBe("SMETS1");
  });

  it("reports BAD_DATE for unreadable text and for an end before the start", () => {
    expectIssue(set("Phases", 1, "StartDate", "next spring"), "BAD_DATE", "'Phases'!B2");
    expectIssue(set("Phases", 1, "EndDate", 43000), "BAD_DATE", "'Phases'!C2");
    expectIssue(set("Phases", 1, "EndDate", "2021-02-30"), "BAD_DATE", "'Phases'!C2");
  });

  it("reads ISO-text dates as the same serials as Excel dates", () => {
    const a = analyseWorkbook(buildGrids(set("Phases", 1, "StartDate", "2019-12-01")));
    expect(a.errorCount).toBe(0);
    expect(a.model?.phases.find((p) => p.name === "IOC")?.startDate).toBe(43800);
  });

  it("reports PROFILE_SUM at the profile's name and says when the shares look like percentages", () => {
    expectIssue(set("Profiles", 2, "H01", 0.4), "PROFILE_SUM", "'Profiles'!A3");
    const a = analyseWorkbook(buildGrids((t) => { (t.Profiles as Rows)[3] = ["Flat", ...Array.from({ length: 24 }, (_, h) => (h < 20 ? 4 : 5))]; }));
    const sum = a.issues.find((i) => i.code === "PROFILE_SUM");
    expect(sum?.cell).toBe("'Profiles'!A4");
    expect(sum?.message).toMatch(/100/);
  });

  it("accepts a profile that sums to 1 within 1e-6", () => {
    const a = analyseWorkbook(buildGrids(set("Profiles", 2, "H03", 0.2 + 5e-7)));
    expect(a.issues.filter((i) => i.code === "PROFILE_SUM")).toEqual([]);
  });

  it("reports GENERATION_MISMATCH for migrations of a SMETS2+ DMC and installs of a SMETS1 DMC", () => {
    expectIssue(set("Volumes", 2, "MigrationsPerDay", 5), "GENERATION_MISMATCH", "'Volumes'!D3");
    expectIssue(set("Volumes", 1, "InstallsPerDay", 5), "GENERATION_MISMATCH", "'Volumes'!E2");
  });

  it("reports GENERATION_MISMATCH at the Stream cell for a SMETS2+ migration row", () => {
    expectIssue(set("Transactions", 1, "Generation", "SMETS2+"), "GENERATION_MISMATCH", "'Transactions'!C2");
    expectIssue(set("Transactions", 2, "Generation", "SMETS1"), "GENERATION_MISMATCH", "'Transactions'!C3");
  });

  it("reports GENERATION_MISMATCH for an All row beside a specific generation", () => {
    expectIssue((t) => { (t.Transactions as Rows).push(["Read", "All", "Traffic", 1, "Night", 1, 1, ""]); }, "GENERATION_MISMATCH", "'Transactions'!B7");
  });

  it("reports DUPLICATE_KEY for a repeated (Transaction, Generation)", () => {
    expectIssue((t) => { (t.Transactions as Rows).push(["read", "smets1", "Traffic", 1, "Night", 1, 1, ""]); }, "DUPLICATE_KEY", "'Transactions'!A7");
  });

  it("warns PERCENT_AS_WHOLE for a headroom of 20 and a contingency above 1", () => {
    expectIssue(set("PerformanceLevels", 1, "Headroom", 20), "PERCENT_AS_WHOLE", "'PerformanceLevels'!E2", "warning");
    expectIssue(set("Settings", 1, "Value", 10), "PERCENT_AS_WHOLE", "'Settings'!B2", "warning");
  });

  it("warns UNKNOWN_COLUMN for a Transactions column that is neither known nor a provider", () => {
    const a = expectIssue((t) => { (t.Transactions as Rows)[0]![7] = "Notes"; }, "UNKNOWN_COLUMN", "'Transactions'!H1", "warning");
    expect(a.errorCount).toBe(0);
  });

  it("keeps unknown columns of other tables as attributes without a warning", () => {
    const a = analyseWorkbook(buildGrids());
    expect(a.model?.dmcs[0]?.attributes).toEqual({ Manufacturer: "Acme" });
    expect(a.issues.filter((i) => i.code === "UNKNOWN_COLUMN")).toEqual([]);
  });

  it("warns UNKNOWN_SETTING at the setting's cell", () => {
    expectIssue((t) => { (t.Settings as Rows).push(["Colour", "blue"]); }, "UNKNOWN_SETTING", "'Settings'!A7", "warning");
  });

  it("warns NO_PERFORMANCE_LEVEL for a provider with load and no level", () => {
    const a = analyseWorkbook(buildGrids((t) => { t.PerformanceLevels = [(t.PerformanceLevels as Rows)[0]!, (t.PerformanceLevels as Rows)[1]!]; }));
    const hits = a.issues.filter((i) => i.code === "NO_PERFORMANCE_LEVEL");
    expect(hits).toHaveLength(2);
    expect(hits.every((h) => h.table === "PerformanceLevels" && h.cell === "" && h.severity === "warning")).toBe(true);
    expect(a.results?.summaries.filter((s) => s.status === "NO_LEVEL")).toHaveLength(2);
  });

  it("warns UNUSED for a DMC, a profile and a provider nothing refers to", () => {
    const a = analyseWorkbook(
      buildGrids((t) => {
        (t.DMCs as Rows).push(["S1-Z", "SMETS1", "Zed"]);
        (t.Profiles as Rows).push(["Spare", ...Array.from({ length: 24 }, () => 1 / 24)]);
        (t.Providers as Rows).push(["DCO", "Dual Control Organisation"]);
        for (const [r, row] of (t.Transactions as Rows).entries()) row.push(r === 0 ? "DCO" : 0);
      }),
    );
    const cells = a.issues.filter((i) => i.code === "UNUSED").map((i) => i.cell);
    expect(cells).toEqual(expect.arrayContaining(["'DMCs'!A4", "'Profiles'!A5", "'Providers'!A4"]));
    expect(a.errorCount).toBe(0);
  });

  it("reports DUPLICATE_COLUMN when a header appears twice", () => {
    expectIssue((t) => { for (const [r, row] of (t.Volumes as Rows).entries()) row.push(r === 0 ? "population" : 1); }, "DUPLICATE_COLUMN", "'Volumes'!F1");
  });

  it("reports GENERATION_MISMATCH for an override of a transaction with no row for the DMC's generation", () => {
    expectIssue(set("Overrides", 1, "Transaction", "Migrate"), "GENERATION_MISMATCH", "'Overrides'!B2");
  });

  it("collects every issue instead of stopping at the first", () => {
    const a = analyseWorkbook(buildGrids((t) => { set("Volumes", 1, "Population", -1)(t); set("DMCs", 2, "Generation", "X")(t); set("Profiles", 1, "H09", "abc")(t); }));
    expect(a.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["NEGATIVE", "BAD_ENUM", "NOT_A_NUMBER"]));
  });

  it("reads a table placed anywhere, with the addresses of its sheet", () => {
    const g = buildGrids();
    const moved = g.tables.map((t) => (t.name === "Volumes" ? grid("Volumes", t.rows as Rows, { sheet: "Inputs", top: 4, left: 2 }) : t));
    const hits = issuesFor({ tables: moved.map((t) => (t.name === "Volumes" ? { ...t, rows: t.rows.map((r, i) => (i === 2 ? [r[0] ?? null, r[1] ?? null, -5, r[3] ?? null, r[4] ?? null] : r)) } : t)), sheets: [] }, "NEGATIVE");
    expect(hits.map((h) => h.cell)).toEqual(["'Inputs'!E7"]);
  });

  it("falls back to a worksheet of the table's name when no Excel table has it", () => {
    const a = analyseWorkbook(buildGrids(undefined, "sheets"));
    expect(a.errorCount).toBe(0);
    expect(a.results?.summaries.length).toBe(4);
  });
});
