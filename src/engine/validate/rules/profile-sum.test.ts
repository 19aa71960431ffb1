import { checkRows, src } from "../../../../test/support/rule-harness";
import { profileSum } from "./profile-sum";

const flat = (share: number): number[] => Array.from({ length: 24 }, () => share);

describe("profileSum", () => {
  it("accepts shares summing to 1 within 1e-6 and reports others at the profile's name cell", () => {
    const found = checkRows(profileSum, [
      { key: src("Flat", "'Pr'!A2"), shares: flat(1 / 24) },
      { key: src("Half", "'Pr'!A3"), shares: flat(0.5 / 24) },
    ]);
    expect(found[0]).toEqual([]);
    expect(found[1]).toEqual([expect.objectContaining({ code: "PROFILE_SUM", cell: "'Pr'!A3" })]);
  });

  it("names shares typed as whole percentages, and skips a row with an unreadable share", () => {
    const [percent, unreadable] = checkRows(profileSum, [
      { key: src("Pct", "'Pr'!A2"), shares: flat(100 / 24) },
      { key: src("Bad", "'Pr'!A3"), shares: [...flat(0.5).slice(1), undefined] },
    ]);
    expect(percent?.[0]?.details.hint).toContain("whole percentages");
    expect(unreadable).toEqual([]);
  });
});
