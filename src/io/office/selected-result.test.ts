import { rig, sampleWorkbook } from "../../../test/support/standin-fixtures";
import { createSheet, cellKey } from "../../../test/standin/standin-workbook";
import { analyseWorkbook } from "../../engine";

async function computedSample(): Promise<ReturnType<typeof rig>> {
  const r = rig(await sampleWorkbook());
  await r.workbook.writeResults(analyseWorkbook(await r.workbook.readModel()), "stamp");
  return r;
}

describe("getSelectedResult (stand-in host)", () => {
  it("gives the file, column, whole row and address of a selected result figure, in two syncs", async () => {
    const r = await computedSample();
    await r.host.select("'sctvm Summary'!K16");
    const before = r.host.syncCount();
    const selected = await r.workbook.getSelectedResult();
    expect(r.host.syncCount() - before).toBe(2);
    expect(selected).toEqual({
      file: "provider-summary.csv",
      column: "utilisation",
      address: "'sctvm Summary'!K16",
      row: expect.objectContaining({ phase: "FOC", provider: "S1SP", peak_hour: 2, status: "FAIL", utilisation: expect.closeTo(1.0986, 4) }),
    });
    // A blank figure (no level) comes back as null, not "".
    await r.host.select("'sctvm Summary'!J7");
    expect(await r.workbook.getSelectedResult()).toMatchObject({ row: expect.objectContaining({ provider: "DCO", capacity_per_second: null }) });
  });

  it("works on every result table, e.g. an hourly rate by transaction", async () => {
    const r = await computedSample();
    await r.host.select("'sctvm By transaction'!F5");
    expect(await r.workbook.getSelectedResult()).toEqual({
      file: "rates-by-transaction.csv",
      column: "per_hour",
      address: "'sctvm By transaction'!F5",
      row: { phase: "IOC", provider: "DSP", transaction: expect.any(String), stream: expect.any(String), hour: 0, per_hour: expect.any(Number) },
    });
  });

  it("calls a title, a header or a cell beside the table on a result sheet not a figure; gives nothing for an input cell or a person's table", async () => {
    const standin = await sampleWorkbook();
    standin.sheets.push(
      createSheet("Mine", {
        cells: new Map([
          [cellKey(0, 0), { value: "phase" }],
          [cellKey(1, 0), { value: "IOC" }],
        ]),
        tables: [{ name: "Mine", ref: "A1:A2", showHeaders: true, showTotals: false }],
      }),
    );
    const r = rig(standin);
    await r.workbook.writeResults(analyseWorkbook(await r.workbook.readModel()), "stamp");
    for (const address of ["'sctvm Summary'!K4", "'sctvm Summary'!A1", "'sctvm Summary'!Z9"]) {
      await r.host.select(address);
      const before = r.host.syncCount();
      expect(await r.workbook.getSelectedResult()).toEqual({ file: "provider-summary.csv", address, notAFigure: true });
      expect(r.host.syncCount() - before).toBeLessThanOrEqual(address.endsWith("K4") ? 2 : 1);
    }
    for (const address of ["'Volumes'!C3", "'Mine'!A2"]) {
      await r.host.select(address);
      const before = r.host.syncCount();
      expect(await r.workbook.getSelectedResult()).toBeUndefined();
      expect(r.host.syncCount() - before).toBe(1);
    }
  });
});
