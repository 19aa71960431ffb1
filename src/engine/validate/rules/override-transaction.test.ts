import { checkRows, parseState, registry, src } from "../../../../test/support/rule-harness";
import type { DmcDraft, TransactionDraft } from "../../parse/drafts";
import { overrideTransaction } from "./override-transaction";

const tx = (name: string, generation: TransactionDraft["generation"]): TransactionDraft => ({ name, cell: "", generation, stream: "Traffic", rate: undefined, profile: 0, routing: [], description: "" });
const state = parseState({
  dmcs: registry<DmcDraft>(["S1-A", "S2-B"], (n) => ({ generation: n.startsWith("S1") ? "SMETS1" : "SMETS2+", description: "", attributes: {} })),
  transactions: { known: true, rows: [tx("Read", "SMETS1"), tx("Alert", "All")] },
});
const row = (dmc: number, name: string) => ({ dmc: { text: src(dmc ? "S2-B" : "S1-A", "'O'!A2"), index: dmc }, transaction: src(name, "'O'!B2") });

describe("overrideTransaction", () => {
  it("reports a transaction Transactions does not define", () => {
    expect(checkRows(overrideTransaction, [row(0, "Nothing")], state)[0]?.map((i) => i.code)).toEqual(["UNKNOWN_REFERENCE"]);
  });

  it("reports a transaction with no row for the DMC's generation, and accepts an All row", () => {
    const found = checkRows(overrideTransaction, [row(1, "read"), row(0, "Read"), row(1, "Alert")], state);
    expect(found.map((r) => r.map((i) => `${i.code} ${i.cell}`))).toEqual([["GENERATION_MISMATCH 'O'!B2"], [], []]);
  });
});
