import fc from "fast-check";
import { a1Address, columnIndex, columnLetters, parseA1Address, parseCellRef } from "./a1";

describe("A1 addresses", () => {
  it("turns column letters and indices into each other", () => {
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16383)]).toEqual(["A", "Z", "AA", "XFD"]);
    fc.assert(fc.property(fc.nat({ max: 16383 }), (c) => expect(columnIndex(columnLetters(c).toLowerCase())).toBe(c)));
  });

  it("parses a cell reference with or without $ and refuses row 0", () => {
    expect(parseCellRef("$C$7")).toEqual({ row: 6, col: 2 });
    expect(parseCellRef("aa10")).toEqual({ row: 9, col: 26 });
    expect(parseCellRef("C0")).toBeUndefined();
    expect(parseCellRef("Volumes!C7")).toBeUndefined();
  });

  it("round-trips an address with a quoted sheet name", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes("!")), fc.nat({ max: 1_048_575 }), fc.nat({ max: 16383 }), (sheet, row, col) => {
        expect(parseA1Address(a1Address(sheet, row, col))).toEqual({ sheet, row, col });
      }),
    );
  });
});
