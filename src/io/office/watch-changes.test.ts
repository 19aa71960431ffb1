import { rig, sampleWorkbook } from "../../../test/support/standin-fixtures";
import { analyseWorkbook } from "../../engine";

describe("onInputChanged / onSelectionChanged (stand-in host)", () => {
  it("calls the listener for an edit of an input cell, not for an edit on a result sheet", async () => {
    const r = rig(await sampleWorkbook());
    await r.workbook.writeResults(analyseWorkbook(await r.workbook.readModel()), "stamp");
    const calls: string[] = [];
    await r.workbook.onInputChanged(() => calls.push("changed"));

    await r.host.editCell("'Volumes'!C2", 12345);
    expect(calls).toEqual(["changed"]);
    await r.host.editCell("'sctvm Summary'!A1", "my note on the results");
    await r.host.editCell("'sctvm Summary'!B2", "and another");
    expect(calls).toEqual(["changed"]);
    await r.host.editCell("'Model'!C3", "Renamed model");
    expect(calls).toEqual(["changed", "changed"]);
  });

  it("looks up whether a sheet is the add-in's once per sheet", async () => {
    const r = rig(await sampleWorkbook());
    await r.workbook.writeResults(analyseWorkbook(await r.workbook.readModel()), "stamp");
    await r.workbook.onInputChanged(() => undefined);
    const before = r.host.syncCount();
    await r.host.editCell("'sctvm Summary'!A1", "x");
    await r.host.editCell("'sctvm Summary'!A2", "y");
    await r.host.editCell("'Volumes'!C2", 1);
    await r.host.editCell("'Volumes'!C3", 2);
    expect(r.host.syncCount() - before).toBe(2);
  });

  it("is not called by the add-in's own writes", async () => {
    const r = rig(await sampleWorkbook());
    let calls = 0;
    await r.workbook.onInputChanged(() => calls++);
    await r.workbook.writeResults(analyseWorkbook(await r.workbook.readModel()), "stamp");
    await r.host.events.settle();
    expect(calls).toBe(0);
  });

  it("stops calling after unsubscribe, which removes the handler from the host", async () => {
    const r = rig(await sampleWorkbook());
    let calls = 0;
    const off = await r.workbook.onInputChanged(() => calls++);
    expect(r.host.events.handlerCount()).toBe(1);
    await off();
    expect(r.host.events.handlerCount()).toBe(0);
    await r.host.editCell("'Volumes'!C2", 1);
    expect(calls).toBe(0);
  });

  it("reports selection changes anywhere, until unsubscribed", async () => {
    const r = rig(await sampleWorkbook());
    let calls = 0;
    const off = await r.workbook.onSelectionChanged(() => calls++);
    await r.host.select("'Volumes'!B3");
    await r.host.select("'Model'!C3");
    expect(calls).toBe(2);
    await off();
    await r.host.select("'Volumes'!B4");
    expect(calls).toBe(2);
    expect(r.host.events.handlerCount()).toBe(0);
  });
});
