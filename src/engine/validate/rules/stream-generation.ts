import { rowRule } from "../rule";

/** GENERATION_MISMATCH: a Migration row for SMETS2+ or an Install row for SMETS1, at the Stream cell. */
export const streamGeneration = rowRule<"Transactions">({
  name: "stream-generation",
  table: "Transactions",
  after: "row",
  start: () => ({ generation, stream }, report) => {
    if (!generation || !stream) return;
    const clash = (stream.value === "Migration" && generation.value === "SMETS2+") || (stream.value === "Install" && generation.value === "SMETS1");
    if (!clash) return;
    report("GENERATION_MISMATCH", "Transactions", stream.cell, {
      column: "Stream",
      found: `${stream.value} on a ${generation.value} row`,
      expected: stream.value === "Migration" ? "Migration rows for SMETS1 or All" : "Install rows for SMETS2+ or All",
    });
  },
});
