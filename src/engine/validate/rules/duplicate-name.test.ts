import { checkRows, parseState, registry, src } from "../../../../test/support/rule-harness";
import { duplicateName } from "./duplicate-name";

describe("duplicateName", () => {
  it("reports a name the catalogue already defines, case-insensitively, at the new key cell", () => {
    const state = parseState({ dmcs: registry(["S1-A"]) });
    const [dup, fresh] = checkRows(duplicateName("DMCs", "DMC"), [{ key: src("s1-a", "'D'!A5") }, { key: src("S2-B", "'D'!A6") }], state);
    expect(dup).toEqual([{ code: "DUPLICATE_KEY", table: "DMCs", cell: "'D'!A5", details: expect.objectContaining({ column: "DMC", found: '"s1-a" again' }) }]);
    expect(fresh).toEqual([]);
  });

  it("excludes the reported row so the first definition is kept", () => {
    expect(duplicateName("Phases", "Phase")).toMatchObject({ excludesRow: true, after: "Phase" });
  });
});
