import { createFakeWorkbook } from "../../test/taskpane/fake-workbook";
import { loadSampleAnalysis } from "../../test/taskpane/sample-analysis";
import { completeAfter, computeCommand, validateCommand } from "./ribbon-commands";

describe("ribbon commands", () => {
  it("Validate selects the first issue's cell and writes nothing", async () => {
    const { grids } = await loadSampleAnalysis();
    const broken = { ...grids, tables: grids.tables.map((t) => (t.name !== "Volumes" ? t : { ...t, rows: t.rows.map((r, i) => (i === 1 ? r.map((v, j) => (j === 2 ? "lots" : v)) : r)) })) };
    const workbook = createFakeWorkbook(broken);
    const outcome = await validateCommand(workbook);
    expect(outcome.analysis.errorCount).toBe(1);
    expect(workbook.selections).toEqual([outcome.selected]);
    expect(outcome.selected).toBe("'Volumes'!C2");
    expect(workbook.writes).toHaveLength(0);
  });

  it("Validate on a clean model selects nothing", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    expect((await validateCommand(workbook)).selected).toBeUndefined();
    expect(workbook.selections).toEqual([]);
  });

  it("Compute writes the results stamped with the time", async () => {
    const workbook = createFakeWorkbook((await loadSampleAnalysis()).grids);
    await computeCommand(workbook, () => new Date("2024-01-02T03:04:05Z"));
    expect(workbook.writes.map((w) => [w.stamp, w.analysis.errorCount])).toEqual([["2024-01-02T03:04:05.000Z", 0]]);
  });

  it("completes the ribbon event whether the command works or fails", async () => {
    const event = { completed: jest.fn() };
    await completeAfter(event, async () => undefined);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await completeAfter(event, async () => {
      throw new Error("Excel could not read the model tables: gone");
    });
    warn.mockRestore();
    expect(event.completed).toHaveBeenCalledTimes(2);
  });
});
