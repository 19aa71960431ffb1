import { defineCommand } from "./command";
import { commandHelp, synopsis, topLevelHelp } from "./help";
import { parseCommandLine } from "./parse-command-line";
import { COMMANDS } from "./commands/index";
import { plannedCommand } from "./commands/planned";

const sample = defineCommand({
  name: "sample",
  summary: "a command for tests",
  positionals: [{ usage: "<model.xlsx>", name: "workbook" }],
  options: {
    out: { type: "string", value: "<dir>", required: true, help: "where" },
    transaction: { type: "string", value: "T", help: "which" },
    phase: { type: "string", value: "A=B", repeatable: true, help: "several" },
    stream: { type: "string", value: "S", with: "transaction", help: "narrower" },
    json: { type: "boolean", help: "as JSON" },
  },
  description: "Does nothing.",
  run: () => Promise.resolve(0),
});

describe("parseCommandLine", () => {
  it("reads positionals, values in both spellings and switches", () => {
    expect(parseCommandLine(["m.xlsx", "--out", "o", "--json"], sample)).toEqual({ positionals: ["m.xlsx"], values: { out: "o", transaction: undefined, phase: undefined, stream: undefined, json: true } });
    expect(parseCommandLine(["--out=o", "m.xlsx"], sample).values).toMatchObject({ out: "o", json: false });
  });

  it("joins a repeatable option's values with commas, in the order given", () => {
    expect(parseCommandLine(["m.xlsx", "--out", "o", "--phase", "MOC=IOC", "--phase=FOC=IOC"], sample).values.phase).toBe("MOC=IOC,FOC=IOC");
    expect(parseCommandLine(["m.xlsx", "--out", "o"], sample).values.phase).toBeUndefined();
  });

  it("takes a value that starts with a dash, as the CLI always has", () => {
    expect(parseCommandLine(["m.xlsx", "--out", "-x"], sample).values.out).toBe("-x");
  });

  it("treats everything after -- as positionals", () => {
    expect(() => parseCommandLine(["--out", "o", "--", "--json"], sample)).not.toThrow();
    expect(parseCommandLine(["--out", "o", "--", "--json"], sample).positionals).toEqual(["--json"]);
  });

  it.each([
    [["m.xlsx", "--out", "o", "--verbose"], "unknown option --verbose"],
    [["m.xlsx", "--out"], "--out needs a value"],
    [["m.xlsx", "--out", "o", "--json=yes"], "--json takes no value"],
    [["m.xlsx", "--out", "a", "--out", "b"], "--out given twice"],
    [["m.xlsx"], "sample needs --out <dir>"],
    [["m.xlsx", "--out", ""], "sample needs --out <dir>"],
    [["m.xlsx", "--out", "o", "--stream", "Traffic"], "--stream goes with --transaction"],
    [["a.xlsx", "b.xlsx", "--out", "o"], "expected one workbook, got 2"],
  ])("refuses %j with %j", (argv, message) => {
    expect(() => parseCommandLine(argv, sample)).toThrow(message);
  });
});

describe("help from the definitions", () => {
  it("builds the usage line from positionals, required, optional and nested options", () => {
    expect(synopsis(sample)).toBe("sctvm sample <model.xlsx> --out <dir> [--transaction T [--stream S]] [--phase A=B …] [--json]");
  });

  it("lists every option of a command with its help line", () => {
    const help = commandHelp(sample);
    expect(help.split("\n")[0]).toBe(synopsis(sample));
    for (const line of ["--out <dir>", "--transaction T", "--stream S", "--json"]) expect(help).toContain(line);
    expect(help).toMatch(/--out <dir> +where \(required\)/);
  });

  it("lists available commands with their usage and planned ones by name only", () => {
    const planned = plannedCommand("later", "not yet");
    const help = topLevelHelp([sample, planned]);
    expect(help).toContain(`  ${synopsis(sample)}`);
    expect(help).toContain("not available in this version yet: later.");
    expect(help).not.toContain("sctvm later");
    expect(commandHelp(planned)).toContain("not available");
  });

  it("has one definition per command name, each option with help", () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) for (const spec of Object.values(c.options)) expect(spec.help.length).toBeGreaterThan(0);
  });
});
