/**
 * @jest-environment jsdom
 */
import { analyseWorkbook, OUTPUT_FILES } from "../../src/engine";
import { createOfficeWorkbook } from "../../src/io/office";
import { RESULT_SHEETS } from "../../src/io/ports";
import type { StandinControl } from "./standin-office";
import { toJSON } from "./standin-workbook";
import { baseTables } from "../support/model-grids";
import { workbookOfTables } from "../support/standin-fixtures";

interface TestWindow {
  __SCTVM_STANDIN_WORKBOOK__?: unknown;
  __standin?: StandinControl;
  Office?: { onReady(): Promise<{ host: string }>; HostType: { Excel: string }; context: { requirements: { isSetSupported(n: string): boolean } } };
  Excel?: { run: unknown };
}

function modelJson(): unknown {
  return toJSON(workbookOfTables(baseTables()));
}

describe("standin-office (browser entry, jsdom)", () => {
  const w = window as unknown as TestWindow;

  beforeAll(async () => {
    w.__SCTVM_STANDIN_WORKBOOK__ = modelJson();
    await import("./standin-office");
  });

  it("installs Office at once and resolves onReady once the workbook is in", async () => {
    expect(w.Office?.HostType.Excel).toBe("Excel");
    expect(w.Office?.context.requirements.isSetSupported("ExcelApi")).toBe(true);
    await expect(w.Office?.onReady()).resolves.toEqual(expect.objectContaining({ host: "Excel" }));
  });

  it("lets the adapter compute through the global Excel, and the test drive and inspect the host", async () => {
    const control = w.__standin!;
    await control.ready();
    const office = createOfficeWorkbook();
    const analysis = analyseWorkbook(await office.readModel());
    expect(analysis.errorCount).toBe(0);
    const report = await office.writeResults(analysis, "2025-01-01T00:00:00Z");
    expect(report.sheets).toEqual(OUTPUT_FILES.map((f) => RESULT_SHEETS[f]));
    expect((await control.workbook()).sheets.map((s) => s.name)).toContain("sctvm Summary");
    expect(await control.syncCount()).toBeGreaterThanOrEqual(4);

    let selections = 0;
    const off = await office.onSelectionChanged(() => selections++);
    await control.select("'sctvm Summary'!C5");
    expect(selections).toBe(1);
    expect(await office.getSelectedResult()).toEqual(expect.objectContaining({ file: "provider-summary.csv", column: "daily_total" }));
    await off(); // removed through Excel.run(result.context, ...)
    await control.select("'sctvm Summary'!C6");
    expect(selections).toBe(1);

    let changes = 0;
    await office.onInputChanged(() => changes++);
    await control.editCell("'Volumes'!C2", 999);
    expect(changes).toBe(1);
    expect(await control.getCell("'Volumes'!C2")).toEqual({ value: 999 });
    expect((await control.events()).map((e) => e.kind)).toEqual(["SelectionChanged", "WorksheetSelectionChanged", "SelectionChanged", "WorksheetSelectionChanged", "WorksheetChanged"]);
  });
});
