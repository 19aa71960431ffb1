import { rig, sampleWorkbook } from "../../../test/support/standin-fixtures";

describe("calculation mode (stand-in host)", () => {
  it("reads Excel's calculation mode in one sync and runs a full calculation on request", async () => {
    const standin = await sampleWorkbook();
    const r = rig(standin);
    const before = r.host.syncCount();
    expect(await r.workbook.calculationMode()).toBe("Automatic");
    expect(r.host.syncCount() - before).toBe(1);
    standin.calculationMode = "Manual";
    expect(await r.workbook.calculationMode()).toBe("Manual");
    await r.workbook.calculate();
    expect(standin.calculations).toBe(1);
  });
});
