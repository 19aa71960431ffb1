import { grid } from "../../../../test/support/model-grids";
import { parseState, registry } from "../../../../test/support/rule-harness";
import { IssueSink } from "../../parse/issue-sink";
import { openTable } from "../../parse/table-view";
import type { TransactionDraft } from "../../parse/drafts";
import type { ModelRule, ParseState } from "../rule";
import { unusedDmcs, unusedProfiles, unusedProviders } from "./unused";

const view = (name: "Volumes" | "DMCs" | "Transactions", headers: string[]) => openTable(grid(name, [headers, headers.map(() => "x")]), name, [], new IssueSink());
const cellsOf = (rule: ModelRule, state: ParseState): string[] => {
  const out: string[] = [];
  rule.check(state, (code, _t, cell) => out.push(`${code} ${cell}`));
  return out;
};
const tx = (profile: number, routing: number[]): TransactionDraft => ({ name: "T", cell: "", generation: "All", stream: "Traffic", rate: undefined, profile, routing: routing.map((value) => ({ value, cell: "" })), description: "" });

describe("unused names", () => {
  it("warns about a DMC with no Volumes or Overrides row, unless Volumes lacks its DMC column", () => {
    const views = { Volumes: view("Volumes", ["Phase", "DMC"]), DMCs: view("DMCs", ["DMC"]) };
    const state = parseState({ views, dmcs: registry(["A", "B", "C"]), volumes: [{ dmc: 0 }], overrides: [{ dmc: 2 }] });
    expect(cellsOf(unusedDmcs, state)).toEqual(["UNUSED 'T'!A3"]);
    expect(cellsOf(unusedDmcs, { ...state, views: { ...views, Volumes: view("Volumes", ["Phase", "Device"]) } })).toEqual([]);
  });

  it("warns about a profile no transaction names", () => {
    const state = parseState({ profiles: registry(["Day", "Night"]), transactions: { known: true, rows: [tx(1, [1])] } });
    expect(cellsOf(unusedProfiles, state)).toEqual(["UNUSED 'T'!A2"]);
  });

  it("warns about a provider no transaction routes a message to", () => {
    const state = parseState({ providers: registry(["DSP", "S1SP"]), transactions: { known: true, rows: [tx(0, [1, 0]), tx(0, [2, 0])] } });
    expect(cellsOf(unusedProviders, state)).toEqual(["UNUSED 'T'!A3"]);
    expect(cellsOf(unusedProviders, { ...state, transactions: { known: false, rows: [] } })).toEqual([]);
  });
});
