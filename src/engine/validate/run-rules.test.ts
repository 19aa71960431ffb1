import { parseState, src } from "../../../test/support/rule-harness";
import { IssueSink } from "../parse/issue-sink";
import { rowRule, type Rule } from "./rule";
import { RULES } from "./rules";
import { RuleRunner } from "./run-rules";

const reporting = (name: string, after: string, excludesRow = false) =>
  rowRule<"Providers">({ name, table: "Providers", after, excludesRow, start: () => ({ key }, report) => { if (key?.value.startsWith("x")) report("UNUSED", "Providers", `${name}:${key.value}`); } });

describe("RuleRunner", () => {
  it("runs the rules anchored at a point in list order, and none after a row is excluded", () => {
    const rules: Rule[] = [reporting("a", "Provider"), reporting("b", "Provider", true), reporting("c", "Provider"), reporting("d", "row")];
    const sink = new IssueSink();
    const runner = new RuleRunner(rules, parseState(), sink);
    const first = runner.row("Providers");
    expect(first.after("Provider", { key: src("x1", "") })).toBe(false);
    expect(first.after("row", { key: src("x1", "") })).toBe(false);
    const second = runner.row("Providers");
    expect(second.after("Provider", { key: src("ok", "") })).toBe(true);
    expect(second.kept).toBe(true);
    expect(sink.issues.map((i) => i.cell)).toEqual(["a:x1", "b:x1"]);
  });

  it("starts a rule once per parse, so its state spans the rows", () => {
    let starts = 0;
    const rule = rowRule<"Providers">({ name: "count", table: "Providers", after: "row", start: () => { starts++; return () => undefined; } });
    const runner = new RuleRunner([rule], parseState(), new IssueSink());
    for (let i = 0; i < 3; i++) runner.row("Providers").after("row", { key: undefined });
    expect(starts).toBe(1);
  });
});

describe("RULES", () => {
  it("names every rule once", () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
