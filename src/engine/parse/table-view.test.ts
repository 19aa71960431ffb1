/** A view's cells carry the A1 address a1Address gives, whatever the sheet name and the grid's place. */
import fc from "fast-check";
import { a1Address } from "../model/a1";
import type { CellGrid } from "../model/grid";
import { IssueSink } from "./issue-sink";
import { cellAt, openTable, viewCell } from "./table-view";

describe("cellAt and viewCell", () => {
  it("give a1Address's address for any sheet name, grid place, row and column", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "Z", " ", "'", "!", "é", "1"), minLength: 1, maxLength: 8 }),
        fc.integer({ min: -1, max: 2000 }),
        fc.integer({ min: 0, max: 16000 }),
        fc.array(fc.tuple(fc.nat({ max: 50 }), fc.nat({ max: 400 })), { minLength: 1, maxLength: 20 }),
        (sheet, top, left, cells) => {
          const grid: CellGrid = { name: "Volumes", sheet, top, left, rows: [["Phase", "DMC"], ["IOC", "D1"]] };
          const view = openTable(grid, "Volumes", [], new IssueSink());
          for (const [r, c] of cells) expect(cellAt(view, r, c).address).toBe(a1Address(sheet, top + r, left + c));
          expect(viewCell(view, 1, " dmc ").address).toBe(a1Address(sheet, top + 1, left + 1));
        },
      ),
    );
  });
});
