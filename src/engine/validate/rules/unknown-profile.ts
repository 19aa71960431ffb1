import { showValue } from "../issue-catalogue";
import { rowRule } from "../rule";

/** UNKNOWN_REFERENCE: a transaction's Profile that Profiles does not define. */
export const unknownProfile = rowRule<"Transactions">({
  name: "unknown-profile",
  table: "Transactions",
  after: "row",
  start: (state) => ({ profile }, report) => {
    if (!profile.text || profile.index !== undefined || !state.profiles.known) return;
    report("UNKNOWN_REFERENCE", "Transactions", profile.text.cell, { column: "Profile", found: showValue(profile.text.value), expected: "a Profile defined in Profiles" });
  },
});
