import { checkRows, src } from "../../../../test/support/rule-harness";
import type { TransactionGeneration } from "../../model/types";
import { allBesideSpecific, duplicateTransaction } from "./transaction-key";

const row = (name: string, generation: TransactionGeneration, r: number) => ({ name: src(name, `'T'!A${r}`), generation: src(generation, `'T'!B${r}`), profile: { text: undefined, index: undefined } });

describe("duplicateTransaction", () => {
  it("reports (Transaction, Generation) seen before at the Transaction cell", () => {
    const found = checkRows(duplicateTransaction, [row("Read", "SMETS1", 2), row("read", "SMETS2+", 3), row("READ", "SMETS1", 4)]);
    expect(found.map((r) => r.map((i) => `${i.code} ${i.cell}`))).toEqual([[], [], ["DUPLICATE_KEY 'T'!A4"]]);
    expect(duplicateTransaction.excludesRow).toBe(true);
  });
});

describe("allBesideSpecific", () => {
  it("reports an All row beside a specific generation at the later Generation cell", () => {
    const found = checkRows(allBesideSpecific, [row("Read", "SMETS1", 2), row("Read", "All", 3), row("Alert", "All", 4), row("Alert", "SMETS2+", 5), row("Ping", "SMETS1", 6), row("Ping", "SMETS2+", 7)]);
    expect(found.map((r) => r.map((i) => `${i.code} ${i.cell}`))).toEqual([[], ["GENERATION_MISMATCH 'T'!B3"], [], ["GENERATION_MISMATCH 'T'!B5"], [], []]);
  });
});
