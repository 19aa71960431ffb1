import { foldKey } from "../../parse/cell-values";
import { showValue } from "../issue-catalogue";
import { rowRule } from "../rule";

/** DUPLICATE_KEY: a setting named twice; the first is used. */
export const duplicateSetting = rowRule<"Settings">({
  name: "duplicate-setting",
  table: "Settings",
  after: "Setting",
  excludesRow: true,
  start: () => {
    const seen = new Set<string>();
    return ({ key }, report) => {
      const folded = foldKey(key.value);
      if (!seen.has(folded)) {
        seen.add(folded);
        return;
      }
      report("DUPLICATE_KEY", "Settings", key.cell, { column: "Setting", found: `${showValue(key.value)} again`, expected: "each setting once" });
    };
  },
});
