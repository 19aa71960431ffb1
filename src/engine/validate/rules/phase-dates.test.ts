import { checkRows, src } from "../../../../test/support/rule-harness";
import { phaseDates } from "./phase-dates";

describe("phaseDates", () => {
  it("reports an EndDate before the StartDate at the EndDate cell, and accepts a one-day phase", () => {
    const found = checkRows(phaseDates, [
      { start: src(44000, "'P'!B2"), end: src(43999, "'P'!C2") },
      { start: src(44000, "'P'!B3"), end: src(44000, "'P'!C3") },
      { start: undefined, end: src(1, "'P'!C4") },
    ]);
    expect(found.map((r) => r.map((i) => `${i.code} ${i.cell}`))).toEqual([["BAD_DATE 'P'!C2"], [], []]);
  });
});
