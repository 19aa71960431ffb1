import { analyseWorkbook, buildOutputTables, explainOutputCell, HOURS, OUTPUT_FILES, OUTPUT_LIST, OUTPUTS, outputOf } from "..";
import { buildGrids, type Rows } from "../../../test/support/model-grids";

const a = analyseWorkbook(buildGrids());
const model = a.model!;
const results = a.results!;
const tables = buildOutputTables(a.model!, a.results!, a.issues);
const byFile = Object.fromEntries(tables.map((t) => [t.file, t]));

describe("buildOutputTables", () => {
  it("lays out the five files with the spec's columns", () => {
    expect(tables.map((t) => t.file)).toEqual(["provider-summary.csv", "provider-hourly.csv", "rates-by-dmc.csv", "rates-by-transaction.csv", "issues.csv"]);
    expect(byFile["provider-summary.csv"]?.columns).toEqual(["phase", "provider", "daily_total", "peak_hour", "peak_per_hour", "peak_per_second", "required_per_hour", "required_per_second", "capacity_per_hour", "capacity_per_second", "utilisation", "status"]);
    expect(byFile["provider-hourly.csv"]?.columns).toEqual(["phase", "provider", "hour", "per_hour", "per_second"]);
    expect(byFile["rates-by-dmc.csv"]?.columns).toEqual(["phase", "provider", "dmc", "hour", "per_hour"]);
    expect(byFile["rates-by-transaction.csv"]?.columns).toEqual(["phase", "provider", "transaction", "stream", "hour", "per_hour"]);
    expect(byFile["issues.csv"]?.columns).toEqual(["severity", "code", "table", "cell", "message"]);
  });

  it("keeps every phase × provider × hour in provider-hourly, sorted, with per_second the mean", () => {
    const rows = byFile["provider-hourly.csv"]!.rows;
    expect(rows).toHaveLength(2 * 2 * HOURS);
    expect(rows.slice(0, 3).map((r) => r.slice(0, 3))).toEqual([["IOC", "DSP", 0], ["IOC", "DSP", 1], ["IOC", "DSP", 2]]);
    expect(rows[HOURS]?.slice(0, 3)).toEqual(["IOC", "S1SP", 0]);
    for (const r of rows) expect(r[4]).toBe((r[3] as number) / 3600);
  });

  it("omits all-zero series from the DMC and transaction files", () => {
    // S2-B has no S1SP migration/read traffic but alerts: its S1SP series is kept; Install never reaches S1SP.
    const tx = byFile["rates-by-transaction.csv"]!.rows;
    expect(tx.some((r) => r[1] === "S1SP" && r[2] === "Install")).toBe(false);
    expect(tx.some((r) => r[1] === "DSP" && r[2] === "Install")).toBe(true);
    const none = analyseWorkbook(buildGrids((t) => { for (const r of (t.Volumes as Rows).slice(1)) { r[2] = 0; r[3] = 0; r[4] = 0; } }));
    const empty = buildOutputTables(none.model!, none.results!, none.issues);
    expect(empty[2]?.rows).toEqual([]);
    expect(empty[3]?.rows).toEqual([]);
    expect(empty[1]?.rows).toHaveLength(2 * 2 * HOURS);
  });

  it("writes blank capacities and utilisation for NO_LEVEL", () => {
    const noLevel = analyseWorkbook(buildGrids((t) => { t.PerformanceLevels = (t.PerformanceLevels as Rows).slice(0, 2); }));
    const row = buildOutputTables(noLevel.model!, noLevel.results!, noLevel.issues)[0]!.rows[1]!;
    expect(row.slice(0, 2)).toEqual(["IOC", "S1SP"]);
    expect(row.slice(8)).toEqual([null, null, null, "NO_LEVEL"]);
  });
});

describe("the output registry", () => {
  it("keys every definition by its own file, in OUTPUT_FILES order", () => {
    expect(OUTPUT_LIST.map((o) => o.file)).toEqual(OUTPUT_FILES);
    for (const f of OUTPUT_FILES) expect(OUTPUTS[f].file).toBe(f);
    expect(outputOf("rates-by-dmc.csv")).toBe(OUTPUTS["rates-by-dmc.csv"]);
    expect(outputOf("nope.csv")).toBeUndefined();
  });

  it("builds tables with the columns the definition declares", () => {
    for (const o of OUTPUT_LIST) expect(byFile[o.file]?.columns).toEqual(o.columns);
  });

  it("gives each output its own result sheet and a valid, distinct Excel table name", () => {
    const sheets = OUTPUT_LIST.map((o) => o.sheet.name.toLowerCase());
    const tableNames = OUTPUT_LIST.map((o) => o.sheet.table.toLowerCase());
    expect(new Set(sheets).size).toBe(OUTPUT_LIST.length);
    expect(new Set(tableNames).size).toBe(OUTPUT_LIST.length);
    for (const o of OUTPUT_LIST) {
      expect(o.sheet.name.length).toBeLessThanOrEqual(31);
      expect(o.sheet.table).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    }
  });

  it("explains every derived column of every row kind and names key columns as keys", () => {
    for (const o of OUTPUT_LIST) {
      const table = byFile[o.file]!;
      const first = table.rows[0];
      if (!first || o.file === "issues.csv") continue;
      const row = Object.fromEntries(table.columns.map((c, i) => [c, first[i] ?? null]));
      for (const [i, column] of table.columns.entries()) {
        const e = explainOutputCell(model, results, o.file, column, row);
        const cell = first[i];
        if (column === "hour" || (typeof cell === "string" && column !== "status")) {
          expect(e).toEqual({ error: `${column} is a key, not a derived figure` });
        } else if (typeof cell === "number" && "error" in e) {
          expect({ file: o.file, column, error: e.error }).toBeUndefined();
        }
      }
    }
    expect(explainOutputCell(model, results, "issues.csv", "message", {})).toHaveProperty("error");
  });

  it("explains each figure with the value in its table", () => {
    for (const file of ["provider-hourly.csv", "rates-by-dmc.csv", "rates-by-transaction.csv"] as const) {
      const table = byFile[file]!;
      const at = table.columns.indexOf("per_hour");
      for (const r of table.rows.slice(0, 30)) {
        const row = Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null]));
        const e = explainOutputCell(model, results, file, "per_hour", row);
        expect("error" in e ? e.error : e.value).toBe(r[at]);
      }
    }
  });
});
