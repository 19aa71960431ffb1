import { readWorkbookFile } from "../xlsx/read-workbook-file";
import { rig, SAMPLE_XLSX, sampleWorkbook, sheetRows, sheetSnapshot } from "../../../test/support/standin-fixtures";
import { createSheet, cellKey, type StandinWorkbook } from "../../../test/standin/standin-workbook";
import { analyseWorkbook, TABLE_NAMES } from "../../engine";
import { TEMPLATE_HEADER_ROW, TEMPLATE_TABLES } from "./template-tables";

function blankWorkbook(): StandinWorkbook {
  const sheet = createSheet("Sheet1");
  return { sheets: [sheet], names: [], selection: { sheetId: sheet.id, address: "A1" } };
}

describe("insertTemplate (stand-in host)", () => {
  it("creates the nine empty tables with the spec's headers under a guidance note, in two syncs", async () => {
    const r = rig(blankWorkbook());
    const report = await r.workbook.insertTemplate(undefined);
    expect(report).toEqual({ created: [...TABLE_NAMES], skipped: [] });
    expect(r.host.syncCount()).toBe(2);
    expect(r.host.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", ...TABLE_NAMES]);
    for (const table of TEMPLATE_TABLES) {
      const sheet = r.host.workbook.sheets.find((s) => s.name === table.name)!;
      const width = table.columns.length;
      expect(sheet.tables).toEqual([{ name: table.name, ref: expect.stringMatching(/^A4:[A-Z]+5$/), showHeaders: true, showTotals: false }]);
      const [purpose, note, blank, header] = sheetRows(r.host.workbook, table.name, 0, 4, width);
      expect(purpose?.[0]).toBe(table.purpose);
      expect(note?.[0]).toBe(table.columnsNote);
      expect(blank?.every((v) => v === "")).toBe(true);
      expect(header).toEqual(table.columns);
    }
    const transactions = TEMPLATE_TABLES.find((t) => t.name === "Transactions")!;
    expect(transactions.columns.slice(-4)).toEqual(["DSP", "CP", "DCO", "S1SP"]);
  });

  it("gives a template the engine reads as empty tables, not missing ones", async () => {
    const r = rig(blankWorkbook());
    await r.workbook.insertTemplate(undefined);
    const analysis = analyseWorkbook(await r.workbook.readModel());
    const codes = new Set(analysis.issues.map((i) => i.code));
    expect(codes.has("MISSING_TABLE")).toBe(false);
    expect(codes.has("MISSING_COLUMN")).toBe(false);
    expect(analysis.issues.filter((i) => i.code === "EMPTY_TABLE").map((i) => i.table).sort()).toEqual(
      ["DMCs", "PerformanceLevels", "Phases", "Profiles", "Providers", "Transactions", "Volumes"].sort(),
    );
    // Its provider columns are not "unknown" while the Providers table is still empty.
    expect(analysis.warningCount).toBe(0);
    expect(analysis.issues.map((i) => i.message).join("\n")).not.toContain("a provider ()");
  });

  it("offers PerformanceLevels' evidence columns: a row typed into the empty template is read with its response-time target and error ceiling", async () => {
    const r = rig(blankWorkbook());
    await r.workbook.insertTemplate(undefined);
    const levels = r.host.workbook.sheets.find((s) => s.name === "PerformanceLevels")!;
    const header = sheetRows(r.host.workbook, "PerformanceLevels", TEMPLATE_HEADER_ROW, 1, 8)[0] ?? [];
    expect(header.slice(5)).toEqual(["TargetResponseSeconds", "Percentile", "MaxErrorRate"]);
    expect([6, 7].map((c) => levels.cells.get(cellKey(TEMPLATE_HEADER_ROW + 1, c))?.numberFormat)).toEqual(["0.0%", "0.00%"]);
    // A person fills in one provider and its level (the rest of the model left empty).
    const providers = r.host.workbook.sheets.find((s) => s.name === "Providers")!;
    providers.cells.set(cellKey(TEMPLATE_HEADER_ROW + 1, 0), { ...providers.cells.get(cellKey(TEMPLATE_HEADER_ROW + 1, 0)), value: "DSP" });
    const type = (c: number, value: string | number): void => {
      levels.cells.set(cellKey(TEMPLATE_HEADER_ROW + 1, c), { ...levels.cells.get(cellKey(TEMPLATE_HEADER_ROW + 1, c)), value });
    };
    for (const [c, value] of [[0, "DSP"], [2, 1000], [5, 0.25], [6, 0.9], [7, 0.01]] as const) type(c, value);
    const levelIssues = async (): Promise<string[]> => analyseWorkbook(await r.workbook.readModel()).issues.filter((i) => i.table === "PerformanceLevels").map((i) => `${i.code} ${i.cell}`);
    expect(await levelIssues()).toEqual([]);
    // The engine reads those cells: a wrong value in each is reported at its cell.
    type(5, "fast");
    type(6, 120);
    type(7, 1.5);
    expect(await levelIssues()).toEqual(["NOT_A_NUMBER 'PerformanceLevels'!F5", "OUT_OF_RANGE 'PerformanceLevels'!G5", "OUT_OF_RANGE 'PerformanceLevels'!H5"]);
  });

  it("filled from the sample, reads back to the very same model and results", async () => {
    const sample = await readWorkbookFile(SAMPLE_XLSX);
    const r = rig(blankWorkbook());
    expect((await r.workbook.insertTemplate(sample)).created).toEqual([...TABLE_NAMES]);
    const inserted = analyseWorkbook(await r.workbook.readModel());
    const original = analyseWorkbook(sample);
    expect(inserted.issues).toEqual([]);
    expect(inserted.fingerprint).toBe(original.fingerprint);
    expect(inserted.results?.summaries).toEqual(original.results?.summaries);
    // ModelVersion "1.0" stays text, dates show as dates.
    const settings = sheetRows(r.host.workbook, "Settings", TEMPLATE_HEADER_ROW + 1, 5, 2).find((row) => row[0] === "ModelVersion");
    expect(settings?.[1]).toBe("1.0");
    const phases = r.host.workbook.sheets.find((s) => s.name === "Phases")!;
    expect(phases.cells.get(cellKey(TEMPLATE_HEADER_ROW + 1, 1))?.numberFormat).toBe("yyyy-mm-dd");
  });

  it("refuses to overwrite: tables, sheets and names already there are skipped and left exactly as they were", async () => {
    const standin = await sampleWorkbook();
    const r = rig(standin);
    const before = sheetSnapshot(standin, standin.sheets.map((s) => s.name));
    const report = await r.workbook.insertTemplate(undefined);
    expect(report).toEqual({ created: [], skipped: [...TABLE_NAMES] });
    expect(sheetSnapshot(standin, standin.sheets.map((s) => s.name))).toEqual(before);
    expect(r.host.syncCount()).toBe(1);
  });

  it("creates only what is missing when some names are taken by a sheet, a table elsewhere or a defined name", async () => {
    const workbook = blankWorkbook();
    const sheet1 = workbook.sheets[0]!;
    sheet1.cells.set(cellKey(0, 0), { value: "Phase" });
    sheet1.tables.push({ name: "volumes", ref: "A1:A2", showHeaders: true, showTotals: false });
    workbook.sheets.push(createSheet("PHASES", { cells: new Map([[cellKey(0, 0), { value: "kept", bold: true }]]) }));
    workbook.names.push("Overrides");
    const r = rig(workbook);
    const before = sheetSnapshot(workbook, ["Sheet1", "PHASES"]);
    const report = await r.workbook.insertTemplate(undefined);
    expect(report.skipped).toEqual(["Phases", "Volumes", "Overrides"]);
    expect(report.created).toEqual(TABLE_NAMES.filter((n) => !["Phases", "Volumes", "Overrides"].includes(n)));
    expect(sheetSnapshot(workbook, ["Sheet1", "PHASES"])).toEqual(before);
  });

  it("raises no change events while inserting and turns events back on", async () => {
    const r = rig(blankWorkbook());
    await r.workbook.insertTemplate(undefined);
    await r.host.events.settle();
    expect(r.host.events.log).toEqual([]);
    await r.host.editCell("'Phases'!A5", "IOC");
    expect(r.host.events.log).toHaveLength(1);
  });
});
