import { createStandinHost, StandinError, type StandinRequestContext } from "./excel-standin";
import { cellKey, createSheet, toJSON, type StandinWorkbook } from "./standin-workbook";

function workbook(): StandinWorkbook {
  const sheet = createSheet("Data", {
    cells: new Map([
      [cellKey(0, 0), { value: "Phase" }],
      [cellKey(0, 1), { value: "Population" }],
      [cellKey(1, 0), { value: "IOC" }],
      [cellKey(1, 1), { value: 10, numberFormat: "#,##0" }],
      [cellKey(2, 0), { value: { error: "#REF!" } }],
    ]),
    tables: [{ name: "Volumes", ref: "A1:B3", showHeaders: true, showTotals: false }],
  });
  return { sheets: [sheet, createSheet("Other")], names: [], selection: { sheetId: sheet.id, address: "B2" } };
}

const run = <T>(host: ReturnType<typeof createStandinHost>, batch: (context: StandinRequestContext) => Promise<T>): Promise<T> => host.Excel.run(batch);

describe("stand-in Excel host", () => {
  it("gives loaded values only after sync, and counts syncs", async () => {
    const host = createStandinHost(workbook());
    await run(host, async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B3").load("values, valueTypes, numberFormat, address");
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      await context.sync();
      expect(range.values).toEqual([["Phase", "Population"], ["IOC", 10], ["#REF!", ""]]);
      expect(range.valueTypes).toEqual([["String", "String"], ["String", "Double"], ["Error", "Empty"]]);
      expect(range.numberFormat[1]).toEqual(["General", "#,##0"]);
      expect(range.address).toBe("Data!A1:B3");
    });
    expect(host.syncCount()).toBe(1);
  });

  it("leaves a cell unchanged where a values array holds null, and clears it for an empty string, as Excel does", async () => {
    const host = createStandinHost(workbook());
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A2:B2").values = [[null, ""]];
      await context.sync();
    });
    expect(host.getCell("'Data'!A2")?.value).toBe("IOC");
    expect(host.getCell("'Data'!B2")?.value).toBeUndefined();
  });

  it("keeps runtime.enableEvents per runtime: another runtime's writes with its events off still reach this runtime's handlers", async () => {
    const host = createStandinHost(workbook());
    const ribbon = host.addRuntime("commands");
    const heard: string[] = [];
    await run(host, async (context) => {
      context.workbook.worksheets.onChanged.add(async (e: { address: string }) => void heard.push(e.address));
      await context.sync();
    });
    await ribbon.Excel.run(async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem("Other").getRange("A1").values = [["from the ribbon"]];
      await context.sync();
    });
    await host.events.settle();
    expect(heard).toEqual(["A1"]);
    // This runtime's own write with its events off is not heard by its own handler.
    await run(host, async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem("Other").getRange("B1").values = [["quiet"]];
      context.runtime.enableEvents = true;
      await context.sync();
    });
    await host.events.settle();
    expect(heard).toEqual(["A1"]);
  });

  it("reads a number typed into a percent-formatted cell as a percentage, as Excel does for a person (not for the API)", async () => {
    const wb = workbook();
    wb.sheets[1]?.cells.set(cellKey(0, 0), { numberFormat: "0%" });
    wb.sheets[1]?.cells.set(cellKey(0, 1), { numberFormat: "0%" });
    wb.sheets[1]?.cells.set(cellKey(0, 2), { numberFormat: "0%" });
    const host = createStandinHost(wb);
    await host.editCell("'Other'!A1", "20");
    await host.editCell("'Other'!B1", "20%");
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("Other").getRange("C1").values = [[20]];
      await context.sync();
    });
    expect([host.getCell("'Other'!A1")?.value, host.getCell("'Other'!B1")?.value, host.getCell("'Other'!C1")?.value]).toEqual([0.2, 0.2, 20]);
  });

  it("resolves objects in queue order: a sheet added in a batch can be written in the same batch", async () => {
    const host = createStandinHost(workbook());
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.add("New");
      sheet.getRange("B2").values = [[5]];
      context.workbook.worksheets.getItem("new").getRange("C3").values = [["x"]];
      await context.sync();
    });
    expect(host.getCell("'New'!B2")).toEqual({ value: 5 });
    expect(host.getCell("New!C3")).toEqual({ value: "x" });
    expect(host.syncCount()).toBe(1);
  });

  it("loads collections through items paths, including navigation properties", async () => {
    const host = createStandinHost(workbook());
    await run(host, async (context) => {
      const tables = context.workbook.tables.load("items/name, items/worksheet/name, items/showTotals");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      expect(tables.items.map((t) => [t.name, t.worksheet.name, t.showTotals])).toEqual([["Volumes", "Data", false]]);
      expect(sheets.items.map((s) => s.name)).toEqual(["Data", "Other"]);
      expect(() => tables.items[0]?.showHeaders).toThrow(/not available/);
    });
  });

  it("answers ...OrNullObject with isNullObject instead of failing", async () => {
    const host = createStandinHost(workbook());
    await run(host, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope").load("name");
      const present = context.workbook.worksheets.getItemOrNullObject("data").load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Data");
    });
  });

  it("fails a sync like Office.js: an error with a code, actions before it applied", async () => {
    const host = createStandinHost(workbook());
    const error = await run(host, async (context) => {
      context.workbook.worksheets.getItem("Other").getRange("A1").values = [["before"]];
      context.workbook.worksheets.getItem("Missing").getRange("A1").values = [["after"]];
      await context.sync();
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StandinError);
    expect((error as StandinError).code).toBe("ItemNotFound");
    expect(host.getCell("'Other'!A1")).toEqual({ value: "before" });
  });

  it("refuses a write whose shape does not match the range, and any formula", async () => {
    const host = createStandinHost(workbook());
    const shape = await run(host, async (context) => {
      context.workbook.worksheets.getItem("Other").getRange("A1:B1").values = [[1]];
      await context.sync();
    }).catch((e: StandinError) => e.code);
    expect(shape).toBe("InvalidArgument");
    const formula = await run(host, async (context) => {
      context.workbook.worksheets.getItem("Other").getRange("A1").values = [["=1+1"]];
      await context.sync();
    }).catch((e: StandinError) => e.message);
    expect(formula).toMatch(/formula/);
  });

  it("converts typed text like Excel, unless the cell is text-formatted or the text starts with an apostrophe", async () => {
    const host = createStandinHost(workbook());
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.getRange("A1:E1").values = [["1.0", "TRUE", "#N/A", "'1.0", "2021-03-01"]];
      const text = sheet.getRange("A2");
      text.numberFormat = [["@"]];
      text.values = [["1.0"]];
      await context.sync();
    });
    expect(["A1", "B1", "C1", "D1", "A2"].map((a) => host.getCell(`Other!${a}`)?.value)).toEqual([1, true, { error: "#N/A" }, "1.0", "1.0"]);
    expect(host.getCell("Other!E1")).toEqual({ value: 44256, numberFormat: "yyyy-mm-dd" });
  });

  it("refuses a request over the payload cap before running any of it", async () => {
    const host = createStandinHost(workbook(), { payloadLimitBytes: 1_000 });
    const error = await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.getRange("A1").values = [["small"]];
      sheet.getRange("A2:A200").values = Array.from({ length: 199 }, (_, i) => [`row ${i}`]);
      await context.sync();
    }).catch((e: StandinError) => e.code);
    expect(error).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.getCell("Other!A1")).toBeUndefined();
  });

  it("delivers change events for API writes only while events are enabled", async () => {
    const host = createStandinHost(workbook());
    const seen: unknown[] = [];
    await run(host, async (context) => {
      context.workbook.worksheets.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => void seen.push(args.address));
      await context.sync();
    });
    await run(host, async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem("Other").getRange("A1").values = [["quiet"]];
      context.runtime.enableEvents = true;
      context.workbook.worksheets.getItem("Other").getRange("B1").values = [["loud"]];
      await context.sync();
    });
    await host.events.settle();
    expect(seen).toEqual(["B1"]);
    await host.editCell("'Other'!C5", 3);
    expect(seen).toEqual(["B1", "C5"]);
  });

  it("tracks the selection: select(), the active cell, activate()", async () => {
    const host = createStandinHost(workbook());
    await run(host, async (context) => {
      const cell = context.workbook.getActiveCell().load("address");
      await context.sync();
      expect(cell.address).toBe("Data!B2");
      context.workbook.worksheets.getItem("Other").getRange("C7").select();
      await context.sync();
      const next = context.workbook.getActiveCell().load("address");
      await context.sync();
      expect(next.address).toBe("Other!C7");
    });
    await host.select("'Data'!A3");
    expect(toJSON(host.workbook).selection).toEqual({ sheet: "Data", address: "A3" });
  });

  it("adds tables that may not overlap, names them uniquely and keeps one data row", async () => {
    const host = createStandinHost(workbook());
    const names = await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.getRange("A1:B1").values = [["a", ""]];
      const table = sheet.tables.add(sheet.getRange("A1:B1"), true);
      table.name = "Mine";
      table.load("name");
      await context.sync();
      return table.name;
    });
    expect(names).toBe("Mine");
    expect(host.workbook.sheets[1]?.tables).toEqual([{ name: "Mine", ref: "A1:B2", showHeaders: true, showTotals: false }]);
    expect(host.getCell("Other!B1")?.value).toBe("Column2");
    const clash = await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.tables.add("B2:C3", true).name = "volumes";
      await context.sync();
    }).catch((e: StandinError) => e.message);
    expect(clash).toMatch(/overlap/);
  });

  it("keeps worksheet custom properties, case-insensitive by key", async () => {
    const host = createStandinHost(workbook());
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.customProperties.add("Owner", "me");
      sheet.customProperties.add("owner", "you");
      const found = sheet.customProperties.getItemOrNullObject("OWNER").load("value");
      const absent = sheet.customProperties.getItemOrNullObject("nothing").load("value");
      await context.sync();
      expect([found.value, absent.isNullObject]).toEqual(["you", true]);
    });
    expect(host.workbook.sheets[1]?.customProperties).toEqual({ Owner: "you" });
  });

  it("provides Office.onReady, the Excel host type and every requirement set", async () => {
    const host = createStandinHost(workbook());
    await expect(host.Office.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(host.Office.HostType.Excel).toBe("Excel");
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
  });

  it("runs a batch on an existing context (Excel.run(context, batch)) and syncs what is left at the end", async () => {
    const host = createStandinHost(workbook());
    const context = await run(host, async (c) => c);
    await host.Excel.run(context, async (c) => {
      c.workbook.worksheets.getItem("Other").getRange("A1").values = [["late"]];
    });
    expect(host.getCell("Other!A1")).toEqual({ value: "late" });
  });
});
