import { transactionRowsNamed } from "../../parse/parse-transactions";
import { showValue } from "../issue-catalogue";
import { rowRule } from "../rule";

/**
 * An override's Transaction: UNKNOWN_REFERENCE when Transactions has no such name;
 * GENERATION_MISMATCH when it has no row for the DMC's generation (nor an All row), since
 * the override would silently apply to nothing.
 */
export const overrideTransaction = rowRule<"Overrides">({
  name: "override-transaction",
  table: "Overrides",
  after: "row",
  start: (state) => ({ dmc, transaction }, report) => {
    if (!transaction || !state.transactions.known) return;
    const candidates = transactionRowsNamed(state.transactions.rows, transaction.value);
    if (candidates.length === 0) {
      report("UNKNOWN_REFERENCE", "Overrides", transaction.cell, { column: "Transaction", found: showValue(transaction.value), expected: "a Transaction defined in Transactions" });
      return;
    }
    if (dmc.index === undefined) return;
    const generation = state.dmcs.items[dmc.index]?.generation;
    if (candidates.some(({ row }) => row.generation === generation || row.generation === "All")) return;
    if (generation !== undefined && candidates.every(({ row }) => row.generation !== undefined)) {
      report("GENERATION_MISMATCH", "Overrides", transaction.cell, {
        column: "Transaction",
        found: `${showValue(transaction.value)} has no row for ${generation} (DMC ${showValue(dmc.text?.value)})`,
        expected: `an override for a transaction with a ${generation} or All row`,
      });
    }
  },
});
