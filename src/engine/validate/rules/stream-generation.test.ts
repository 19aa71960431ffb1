import { checkRows, src } from "../../../../test/support/rule-harness";
import type { Stream, TransactionGeneration } from "../../model/types";
import { streamGeneration } from "./stream-generation";

const row = (generation: TransactionGeneration, stream: Stream) => ({ generation: src(generation, "'T'!B2"), stream: src(stream, "'T'!C2"), profile: { text: undefined, index: undefined } });

describe("streamGeneration", () => {
  it("reports Migration on SMETS2+ and Install on SMETS1 at the Stream cell, and nothing else", () => {
    const found = checkRows(streamGeneration, [row("SMETS2+", "Migration"), row("SMETS1", "Install"), row("All", "Migration"), row("SMETS1", "Traffic")]);
    expect(found.map((r) => r.map((i) => `${i.code} ${i.cell}`))).toEqual([["GENERATION_MISMATCH 'T'!C2"], ["GENERATION_MISMATCH 'T'!C2"], [], []]);
  });
});
