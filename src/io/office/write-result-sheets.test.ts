import { baseTables } from "../../../test/support/model-grids";
import { rig, sampleWorkbook, sheetRows, sheetSnapshot, workbookOfTables } from "../../../test/support/standin-fixtures";
import { createSheet, cellKey, toJSON } from "../../../test/standin/standin-workbook";
import { analyseWorkbook, buildOutputTables, OUTPUT_FILES, type Analysis } from "../../engine";
import { RESULT_SHEETS } from "../ports";
import { OWNER_PROPERTY } from "./owned-sheet";
import { RESULT_HEADER_ROW, RESULT_TABLE_NAMES } from "./result-sheet-layout";

const STAMP = "2025-03-01T09:30:00.000Z";
const RESULT_NAMES = OUTPUT_FILES.map((f) => RESULT_SHEETS[f]);
const INPUT_SHEETS = ["Model", "DMCs", "Volumes", "Transactions", "Profiles"];

async function analysed(r: ReturnType<typeof rig>): Promise<Analysis> {
  return analyseWorkbook(await r.workbook.readModel());
}

describe("writeResults (stand-in host)", () => {
  it("writes the five result sheets of the sample in two syncs: one to look, one to write", async () => {
    const r = rig(await sampleWorkbook());
    const analysis = await analysed(r);
    const before = r.host.syncCount();
    const report = await r.workbook.writeResults(analysis, STAMP);
    expect(r.host.syncCount() - before).toBe(2);
    const outputs = buildOutputTables(analysis.model!, analysis.results!, analysis.issues);
    expect(report).toEqual({ sheets: RESULT_NAMES, clashes: [], kept: [], rowsWritten: outputs.reduce((n, o) => n + o.rows.length, 0) });
    expect(r.host.workbook.sheets.map((s) => s.name)).toEqual([...INPUT_SHEETS, ...RESULT_NAMES]);
  });

  it("puts each output under a title, its fingerprint and stamp, as a named, frozen, marked Excel table", async () => {
    const r = rig(await sampleWorkbook());
    const analysis = await analysed(r);
    await r.workbook.writeResults(analysis, STAMP);
    for (const output of buildOutputTables(analysis.model!, analysis.results!, analysis.issues)) {
      const name = RESULT_SHEETS[output.file];
      const sheet = r.host.workbook.sheets.find((s) => s.name === name)!;
      expect(sheet.customProperties).toEqual({ [OWNER_PROPERTY]: output.file });
      expect(sheet.frozenRows).toBe(RESULT_HEADER_ROW + 1);
      const bodyRows = Math.max(output.rows.length, 1);
      expect(sheet.tables).toEqual([
        { name: RESULT_TABLE_NAMES[output.file], ref: expect.stringMatching(new RegExp(`^A4:[A-Z]+${RESULT_HEADER_ROW + 1 + bodyRows}$`)), showHeaders: true, showTotals: false },
      ]);
      const [title, meta] = sheetRows(r.host.workbook, name, 0, 2, 1).map((row) => row[0]);
      expect(title).toMatch(/^Appendix A sample volume model \(version 1\.0\): /);
      expect(meta).toContain(analysis.fingerprint);
      expect(meta).toContain(STAMP);
      const expected = [output.columns, ...output.rows].map((row) => row.map((v) => (v === null ? "" : v)));
      expect(sheetRows(r.host.workbook, name, RESULT_HEADER_ROW, 1 + output.rows.length, output.columns.length)).toEqual(expected);
    }
  });

  it("formats rates, per-second figures and utilisation, and highlights FAIL and utilisation ≥ 0.8 / > 1", async () => {
    const r = rig(await sampleWorkbook());
    await r.workbook.writeResults(await analysed(r), STAMP);
    const summary = toJSON(r.host.workbook).sheets.find((s) => s.name === "sctvm Summary")!;
    expect(summary.cells.C5?.numberFormat).toBe("#,##0.00"); // daily_total
    expect(summary.cells.F5?.numberFormat).toBe("0.000"); // peak_per_second
    expect(summary.cells.K5?.numberFormat).toBe("0.0%"); // utilisation
    expect(summary.cells.D5?.numberFormat).toBe("0"); // peak_hour
    expect(summary.cells.A5?.numberFormat).toBe("@"); // phase
    expect(summary.conditionalFormats).toEqual([
      { range: "L5:L16", type: "CellValue", rule: { formula1: '="FAIL"', operator: "EqualTo" }, format: { fill: "#FFC7CE", fontColor: "#9C0006" } },
      { range: "K5:K16", type: "CellValue", rule: { formula1: "=1", operator: "GreaterThan" }, format: { fill: "#FFC7CE", fontColor: "#9C0006" } },
      { range: "K5:K16", type: "CellValue", rule: { formula1: "=0.8", formula2: "=1", operator: "Between" }, format: { fill: "#FFEB9C", fontColor: "#9C5700" } },
    ]);
    const hourly = toJSON(r.host.workbook).sheets.find((s) => s.name === "sctvm Provider hourly")!;
    expect([hourly.cells.D5?.numberFormat, hourly.cells.E5?.numberFormat]).toEqual(["#,##0.00", "0.000"]);
    expect(Object.keys(hourly.columnWidths ?? {}).length).toBe(5); // autofit
  });

  it("never changes an input cell, format, table or sheet, and raises no change events while writing", async () => {
    const r = rig(await sampleWorkbook());
    const before = sheetSnapshot(r.host.workbook, INPUT_SHEETS);
    const analysis = await analysed(r);
    await r.workbook.writeResults(analysis, STAMP);
    await r.workbook.writeResults(analysis, STAMP);
    expect(sheetSnapshot(r.host.workbook, INPUT_SHEETS)).toEqual(before);
    await r.host.events.settle();
    expect(r.host.events.log).toEqual([]);
    // Events are back on afterwards: a person's edit is reported.
    await r.host.editCell("'Volumes'!C2", 5);
    expect(r.host.events.log.map((e) => e.kind)).toEqual(["WorksheetChanged"]);
  });

  it("on a rerun replaces only its own sheets, in place, and leaves the person's sheets alone", async () => {
    const standin = await sampleWorkbook();
    const r = rig(standin);
    const analysis = await analysed(r);
    await r.workbook.writeResults(analysis, "first");
    // The person adds a sheet between the results and moves the summary to the front.
    const notes = createSheet("Notes", { cells: new Map([[cellKey(0, 0), { value: "mine", bold: true }]]) });
    standin.sheets.splice(6, 0, notes);
    const summary = standin.sheets.find((s) => s.name === "sctvm Summary")!;
    standin.sheets.splice(standin.sheets.indexOf(summary), 1);
    standin.sheets.unshift(summary);
    const order = standin.sheets.map((s) => s.name);
    const notesBefore = sheetSnapshot(standin, ["Notes"]);

    const before = r.host.syncCount();
    const report = await r.workbook.writeResults(analysis, "second");
    expect(r.host.syncCount() - before).toBe(3); // names, marks, write
    expect(report.clashes).toEqual([]);
    expect(standin.sheets.map((s) => s.name)).toEqual(order);
    expect(sheetSnapshot(standin, ["Notes"])).toEqual(notesBefore);
    expect(sheetRows(standin, "sctvm Summary", 1, 1, 1)[0]?.[0]).toContain("computed second");
    expect(standin.sheets.filter((s) => s.tables.some((t) => t.name.startsWith("sctvm_"))).length).toBe(5);
  });

  it("reports a person's sheet named like a result sheet as a clash and leaves it exactly as it was", async () => {
    const standin = await sampleWorkbook();
    standin.sheets.push(
      createSheet("SCTVM summary", {
        cells: new Map([[cellKey(3, 0), { value: "my own figures", numberFormat: "@", fill: "#FFFF00" }]]),
        tables: [{ name: "sctvm_Summary", ref: "A4:B5", showHeaders: true, showTotals: false }],
        frozenRows: 2,
      }),
    );
    const r = rig(standin);
    const before = sheetSnapshot(standin, ["SCTVM summary"]);
    const report = await r.workbook.writeResults(await analysed(r), STAMP);
    expect(report.clashes).toEqual(["SCTVM summary"]);
    expect(report.sheets).toEqual(RESULT_NAMES.filter((n) => n !== "sctvm Summary"));
    expect(sheetSnapshot(standin, ["SCTVM summary"])).toEqual(before);
  });

  it("leaves a table name held elsewhere to its owner and lets Excel name its own table", async () => {
    const standin = await sampleWorkbook();
    const model = standin.sheets.find((s) => s.name === "Model")!;
    model.tables.push({ name: "sctvm_ByDmc", ref: "P2:P3", showHeaders: true, showTotals: false });
    model.cells.set(cellKey(1, 15), { value: "x" });
    const r = rig(standin);
    await r.workbook.writeResults(await analysed(r), STAMP);
    const byDmc = standin.sheets.find((s) => s.name === "sctvm By DMC")!;
    expect(byDmc.tables[0]?.name).toMatch(/^Table\d+$/);
    expect(model.tables.map((t) => t.name)).toContain("sctvm_ByDmc");
  });

  it("on a model with errors writes only the issues and keeps the last good results, marked stale with the reason", async () => {
    const standin = await sampleWorkbook();
    const r = rig(standin);
    await r.workbook.writeResults(await analysed(r), "good run");
    const goodSummary = sheetRows(standin, "sctvm Summary", RESULT_HEADER_ROW, 0, 12);
    await r.host.editCell("'Volumes'!C2", "lots");
    const bad = await analysed(r);
    expect(bad.errorCount).toBeGreaterThan(0);
    const report = await r.workbook.writeResults(bad, "bad run");
    expect(report.sheets).toEqual(["sctvm Issues"]);
    expect(report.kept).toEqual(RESULT_NAMES.filter((n) => n !== "sctvm Issues"));
    expect(report.rowsWritten).toBe(bad.issues.length);
    expect(standin.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([...INPUT_SHEETS, ...RESULT_NAMES]));
    // The last good figures are all still there, under a red note saying why they are stale.
    expect(sheetRows(standin, "sctvm Summary", RESULT_HEADER_ROW, 0, 12)).toEqual(goodSummary);
    const top = sheetRows(standin, "sctvm Summary", 0, 3, 1);
    expect(top[1]?.[0]).toMatch(/computed good run/);
    expect(top[2]?.[0]).toBe("STALE: not recomputed at bad run: the model has 1 error (see sctvm Issues). These are the results of the last good Compute (line 2); fix the errors and compute again.");
    expect(r.host.getCell("'sctvm Summary'!A3")?.fontColor?.toUpperCase()).toBe("#C50F1F");
    const issues = sheetRows(standin, "sctvm Issues", 0, RESULT_HEADER_ROW + 2, 5);
    expect(issues[1]?.[0]).toMatch(/^The model has \d+ error\(s\)/);
    expect(issues[RESULT_HEADER_ROW + 1]?.slice(0, 2)).toEqual(["error", "NOT_A_NUMBER"]);

    // Fixed and computed again: fresh sheets, no stale note.
    await r.host.editCell("'Volumes'!C2", 1000);
    await r.workbook.writeResults(await analysed(r), "fixed run");
    expect(r.host.getCell("'sctvm Summary'!A3")).toBeUndefined();
  });

  it("writes each table's values first and makes it an Excel table afterwards (Microsoft's order)", async () => {
    const r = rig(await sampleWorkbook());
    r.host.journal.length = 0;
    await r.workbook.writeResults(await analysed(r), STAMP);
    for (const name of RESULT_NAMES) {
      const ops = r.host.journal.filter((j) => j.sheet === name);
      const added = ops.findIndex((j) => j.op === "tables.add");
      const lastValues = ops.map((j) => j.op).lastIndexOf("values");
      expect(added).toBeGreaterThan(0);
      expect(lastValues).toBeGreaterThan(0);
      expect(lastValues).toBeLessThan(added);
    }
  });

  it("keeps names that Excel would convert, such as =IOC or 1.0, as text", async () => {
    const tables = baseTables();
    const rename = (v: unknown): unknown => (v === "IOC" ? "=IOC" : v === "DSP" ? "1.0" : v);
    for (const name of ["Phases", "Volumes", "PerformanceLevels", "Providers", "Transactions"]) {
      tables[name] = (tables[name] ?? []).map((row, r) => (r === 0 && name === "Transactions" ? row.map((h) => (h === "DSP" ? "1.0" : h)) : row.map((v) => rename(v) as never)));
    }
    const r = rig(workbookOfTables(tables));
    const analysis = await analysed(r);
    expect(analysis.errorCount).toBe(0);
    await r.workbook.writeResults(analysis, STAMP);
    expect(sheetRows(r.host.workbook, "sctvm Summary", RESULT_HEADER_ROW + 1, 1, 2)).toEqual([["=IOC", "1.0"]]);
  });

  it("splits big writes into requests under the budget, syncing only when the next block would not fit", async () => {
    const reference = rig(await sampleWorkbook());
    const analysis = await analysed(reference);
    await reference.workbook.writeResults(analysis, STAMP);

    const chunked = rig(await sampleWorkbook(), { host: { payloadLimitBytes: 120_000 }, adapter: { requestBudgetBytes: 100_000 } });
    const before = chunked.host.syncCount();
    await chunked.workbook.writeResults(analysis, STAMP);
    const syncs = chunked.host.syncCount() - before;
    // 0.63 MB of values and number formats in requests of at most 100 kB (so at least 7),
    // plus the one that looks; the host refuses any request over 120 kB, so each fitted.
    expect(syncs).toBeGreaterThanOrEqual(1 + 7);
    expect(syncs).toBeLessThanOrEqual(1 + 8);
    expect(sheetSnapshot(chunked.host.workbook, RESULT_NAMES)).toEqual(sheetSnapshot(reference.host.workbook, RESULT_NAMES));
  });

  it("fails with one clear line when a request is over the host's cap, and turns events back on", async () => {
    const r = rig(await sampleWorkbook(), { host: { payloadLimitBytes: 120_000 }, adapter: { requestBudgetBytes: 1_000_000 } });
    const analysis = await analysed(r);
    const error = await r.workbook.writeResults(analysis, STAMP).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/^Excel could not write the result sheets: The request payload size has exceeded the limit .* \(RequestPayloadSizeLimitExceeded\)$/);
    expect((error?.cause as { code?: string }).code).toBe("RequestPayloadSizeLimitExceeded");
    await r.host.editCell("'Volumes'!C2", 5);
    expect(r.host.events.log.map((e) => e.kind)).toEqual(["WorksheetChanged"]);
  });
});
