import { checkRows, parseState, registry, src } from "../../../../test/support/rule-harness";
import { unknownProfile } from "./unknown-profile";

describe("unknownProfile", () => {
  it("reports a Profile that Profiles does not define, only when Profiles was read", () => {
    const row = { profile: { text: src("Evening", "'T'!E3"), index: undefined } };
    expect(checkRows(unknownProfile, [row], parseState({ profiles: registry(["Day"]) }))[0]).toEqual([
      { code: "UNKNOWN_REFERENCE", table: "Transactions", cell: "'T'!E3", details: { column: "Profile", found: '"Evening"', expected: "a Profile defined in Profiles" } },
    ]);
    expect(checkRows(unknownProfile, [row], parseState({ profiles: registry([], undefined, false) }))[0]).toEqual([]);
  });
});
