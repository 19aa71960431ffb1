import { checkRows, src } from "../../../../test/support/rule-harness";
import { duplicateSetting } from "./duplicate-setting";

describe("duplicateSetting", () => {
  it("reports the second row naming a setting, whatever its case", () => {
    const rows = [{ key: src("Contingency", "'S'!A2") }, { key: src("BurstFactor", "'S'!A3") }, { key: src(" CONTINGENCY", "'S'!A4") }];
    const found = checkRows(duplicateSetting, rows.map((r) => ({ key: { ...r.key, value: r.key.value.trim() } })));
    expect(found.map((r) => r.map((i) => `${i.code} ${i.cell}`))).toEqual([[], [], ["DUPLICATE_KEY 'S'!A4"]]);
  });
});
