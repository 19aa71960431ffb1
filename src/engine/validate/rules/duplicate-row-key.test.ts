import { checkRows, src } from "../../../../test/support/rule-harness";
import { duplicateLevel, duplicateOverride, duplicateVolume } from "./duplicate-row-key";

const ref = (value: string, cell: string) => ({ text: src(value, cell), index: 0 });
const none = { text: undefined, index: undefined };

describe("duplicate composite keys", () => {
  it("reports a repeated (Phase, DMC) at the Phase cell of the later row, case-insensitively", () => {
    const found = checkRows(duplicateVolume, [{ phase: ref("IOC", "'V'!A2"), dmc: ref("S1-A", "'V'!B2") }, { phase: ref("ioc", "'V'!A6"), dmc: ref("s1-a", "'V'!B6") }]);
    expect(found[1]).toEqual([{ code: "DUPLICATE_KEY", table: "Volumes", cell: "'V'!A6", details: { found: "(Phase, DMC) (ioc, s1-a) again", expected: "each (Phase, DMC) combination once" } }]);
  });

  it("keys a level by provider and phase, a blank phase being its own key", () => {
    const found = checkRows(duplicateLevel, [
      { provider: ref("DSP", "'L'!A2"), phase: none },
      { provider: ref("DSP", "'L'!A3"), phase: ref("IOC", "'L'!B3") },
      { provider: ref("dsp", "'L'!A4"), phase: none },
    ]);
    expect(found.map((r) => r.map((i) => i.cell))).toEqual([[], [], ["'L'!A4"]]);
    expect(found[2]?.[0]?.details).toEqual({ found: "(Provider, Phase) (dsp, blank) again", expected: "each (Provider, Phase) combination once" });
  });

  it("keys an override by DMC and transaction, and skips a row missing either", () => {
    const found = checkRows(duplicateOverride, [
      { dmc: ref("S1-A", "'O'!A2"), transaction: src("Read", "'O'!B2") },
      { dmc: ref("S1-A", "'O'!A3"), transaction: undefined },
      { dmc: ref("S1-A", "'O'!A4"), transaction: src("READ", "'O'!B4") },
    ]);
    expect(found.map((r) => r.map((i) => i.cell))).toEqual([[], [], ["'O'!A4"]]);
    expect(found[2]?.[0]?.details).toEqual({ found: "(DMC, Transaction) (S1-A, READ) again", expected: "each (DMC, Transaction) combination once" });
  });
});
