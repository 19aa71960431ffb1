import { rig, sampleWorkbook, sheetRows, sheetSnapshot } from "../../../test/support/standin-fixtures";

const ROWS: (string | number)[][] = [
  ["phase", "provider", "transaction", "step", "rate_per_second"],
  ["MOC", "S1SP", "=cmd|' /C calc'!A0", 0, 1.25],
  ["MOC", "S1SP", "1.0", 1, 0.5],
];

describe("writeScheduleSheet (stand-in host)", () => {
  it("adds a new sheet with the rows, text kept as text, and leaves every other sheet as it was", async () => {
    const r = rig(await sampleWorkbook());
    const names = r.host.workbook.sheets.map((s) => s.name);
    const before = JSON.stringify(sheetSnapshot(r.host.workbook, names));
    const name = await r.workbook.writeScheduleSheet?.("sctvm Schedule MOC", ROWS);
    expect(name).toBe("sctvm Schedule MOC");
    expect(sheetRows(r.host.workbook, "sctvm Schedule MOC", 0, 3, 5)).toEqual(ROWS);
    const sheet = r.host.workbook.sheets.find((s) => s.name === name);
    expect([...(sheet?.cells.values() ?? [])].find((c) => c.value === ROWS[1]?.[2])?.numberFormat).toBe("@");
    expect(sheet?.frozenRows).toBe(1);
    expect(JSON.stringify(sheetSnapshot(r.host.workbook, names))).toBe(before);
  });

  it("never replaces a sheet: a second write gets a new name", async () => {
    const r = rig(await sampleWorkbook());
    const first = await r.workbook.writeScheduleSheet?.("sctvm Schedule: MOC/S1SP?", ROWS);
    const second = await r.workbook.writeScheduleSheet?.("sctvm Schedule: MOC/S1SP?", ROWS.slice(0, 2));
    expect(first).toBe("sctvm Schedule  MOC S1SP");
    expect(second).toBe("sctvm Schedule  MOC S1SP 2");
    expect(sheetRows(r.host.workbook, first ?? "", 0, 3, 5)).toEqual(ROWS);
  });
});
