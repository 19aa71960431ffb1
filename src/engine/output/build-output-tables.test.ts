import { analyseWorkbook, buildOutputTables, HOURS } from "..";
import { buildGrids, type Rows } from "../../../test/support/model-grids";

const a = analyseWorkbook(buildGrids());
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
