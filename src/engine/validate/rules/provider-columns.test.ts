import { grid } from "../../../../test/support/model-grids";
import { parseState, registry } from "../../../../test/support/rule-harness";
import { IssueSink } from "../../parse/issue-sink";
import { openTable } from "../../parse/table-view";
import { providerColumns } from "./provider-columns";

describe("providerColumns", () => {
  it("reports a provider without a column and a column that is neither known nor a provider", () => {
    const view = openTable(grid("Transactions", [["Transaction", "Rate", "dsp", "Colour"], ["Read", 1, 1, "red"]]), "Transactions", [], new IssueSink());
    const found: string[] = [];
    providerColumns.check(view, parseState({ providers: registry(["DSP", "S1SP"]) }), (code, _table, cell, d) => found.push(`${code} ${cell} ${d?.column}`));
    expect(found).toEqual(["MISSING_COLUMN 'Transactions'!A1 S1SP", "UNKNOWN_COLUMN 'Transactions'!D1 Colour"]);
  });

  it("checks nothing when Providers could not be read", () => {
    const view = openTable(grid("Transactions", [["Transaction", "Colour"], ["Read", "red"]]), "Transactions", [], new IssueSink());
    const found: string[] = [];
    providerColumns.check(view, parseState({ providers: registry([], undefined, false) }), (code) => found.push(code));
    expect(found).toEqual([]);
  });

  it("reports no UNKNOWN_COLUMN while Providers is empty (the empty template's provider columns)", () => {
    const view = openTable(grid("Transactions", [["Transaction", "DSP", "CP"], ["Read", 1, 1]]), "Transactions", [], new IssueSink());
    const found: string[] = [];
    providerColumns.check(view, parseState({ providers: registry([]) }), (code) => found.push(code));
    expect(found).toEqual([]);
  });
});
