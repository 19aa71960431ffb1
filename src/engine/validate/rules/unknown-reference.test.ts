import { checkRows, parseState, registry, src } from "../../../../test/support/rule-harness";
import { unknownReference } from "./unknown-reference";

const rule = unknownReference("Volumes", "DMC", "DMCs", (row) => row.dmc);
const none = { text: undefined, index: undefined };

describe("unknownReference", () => {
  it("reports a name the target does not define at the referring cell, previewing the names", () => {
    const state = parseState({ dmcs: registry(["S1-A", "S2-B"]) });
    const [unknown, known] = checkRows(rule, [{ phase: none, dmc: { text: src("NOPE", "'V'!B2"), index: undefined } }, { phase: none, dmc: { text: src("S1-A", "'V'!B3"), index: 0 } }], state);
    expect(unknown).toEqual([{ code: "UNKNOWN_REFERENCE", table: "Volumes", cell: "'V'!B2", details: expect.objectContaining({ expected: "a DMC defined in DMCs (S1-A, S2-B)" }) }]);
    expect(known).toEqual([]);
  });

  it("says nothing when the target table could not be read, or the cell was blank", () => {
    const state = parseState({ dmcs: registry([], undefined, false) });
    expect(checkRows(rule, [{ phase: none, dmc: { text: src("X", "'V'!B2"), index: undefined } }, { phase: none, dmc: none }], state).flat()).toEqual([]);
  });
});
