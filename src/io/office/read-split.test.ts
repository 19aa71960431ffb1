import { rig, sampleWorkbook } from "../../../test/support/standin-fixtures";

describe("readModel under Excel on the web's response limit (stand-in host)", () => {
  it("splits a read whose answer is over the limit into blocks by size, with the same grids", async () => {
    const reference = rig(await sampleWorkbook());
    const before = reference.host.syncCount();
    const whole = await reference.workbook.readModel();
    expect(reference.host.syncCount() - before).toBe(2);

    const capped = rig(await sampleWorkbook(), { host: { payloadLimitBytes: 24_000 }, adapter: { responseBudgetBytes: 16_000 } });
    const start = capped.host.syncCount();
    expect(await capped.workbook.readModel()).toEqual(whole);
    // names, the failed whole read, sizes, then at least two blocks of rows
    expect(capped.host.syncCount() - start).toBeGreaterThanOrEqual(5);
  });

  it("refuses, as Excel on the web does, a response over the limit", async () => {
    const r = rig(await sampleWorkbook(), { host: { payloadLimitBytes: 2_000 } });
    const error = await r.host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Volumes").getRange("A1:E60").load("values");
      await context.sync();
    }).then(() => undefined, (e: unknown) => e as { code?: string });
    expect(error?.code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});
