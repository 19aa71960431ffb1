/** Command lines parsed by Node's own `util.parseArgs`, against a command's definition. */
import { parseArgs } from "node:util";
import type { Command } from "./command";
import { UsageError } from "./usage-error";

export interface CommandLine {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** "a", "a and b", "a, b and c". */
function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** `--name <value>` as in usage lines. */
export function optionUsage(name: string, spec: Command["options"][string]): string {
  const usage = spec.type === "string" && spec.value ? `--${name} ${spec.value}` : `--${name}`;
  return spec.repeatable ? `${usage} …` : usage;
}

/**
 * `--name value` → `--name=value` for string options, so a value may start with a dash
 * (`--hour -1` is then a bad hour, not a missing value), as the CLI has always read it.
 */
function joinValues(argv: readonly string[], command: Command): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") return [...out, ...argv.slice(i)];
    const name = arg.startsWith("--") && !arg.includes("=") ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name !== undefined && Object.hasOwn(command.options, name) && command.options[name]?.type === "string" && next !== undefined) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** Node's parse errors in the CLI's own words. */
function usageErrorOf(err: unknown): UsageError {
  const e = err as { code?: string; message?: string };
  const option = /'(-{1,2}[^'\s]+)/.exec(e.message ?? "")?.[1] ?? "";
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UsageError(`unknown option ${option}`);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return new UsageError(/does not take an argument/.test(e.message ?? "") ? `${option} takes no value` : `${option} needs a value`);
    default:
      return new UsageError(e.message ?? String(err));
  }
}

/**
 * Parses argv (after the command name) against the command's options: unknown options,
 * missing values, a value option given twice, missing required options, an option without
 * the option it goes with and a wrong number of positionals are usage errors.
 * @example parseCommandLine(["m.xlsx", "--out", "o"], compute).values.out // "o"
 */
export function parseCommandLine(argv: readonly string[], command: Command): CommandLine {
  const options = Object.fromEntries(Object.entries(command.options).map(([name, spec]) => [name, { type: spec.type }]));
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true; tokens: true }>>;
  try {
    parsed = parseArgs({ args: joinValues(argv, command), options, allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    throw usageErrorOf(err);
  }
  const seen = new Map<string, string[]>();
  for (const t of parsed.tokens) {
    if (t.kind !== "option" || command.options[t.name]?.type !== "string") continue;
    const earlier = seen.get(t.name);
    if (earlier && !command.options[t.name]?.repeatable) throw new UsageError(`--${t.name} given twice`);
    seen.set(t.name, [...(earlier ?? []), t.value ?? ""]);
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    const v = (parsed.values as Record<string, string | boolean | undefined>)[name];
    values[name] = spec.type === "boolean" ? v === true : spec.repeatable && seen.has(name) ? (seen.get(name) ?? []).join(",") : (v as string | undefined);
  }
  const expected = command.positionals;
  if (expected && parsed.positionals.length !== expected.length) {
    const what = expected.length === 1 ? `one ${expected[0]?.name ?? ""}` : joinAnd(expected.map((p) => p.usage));
    throw new UsageError(`expected ${what}, got ${parsed.positionals.length}`);
  }
  const required = Object.entries(command.options).filter(([, spec]) => spec.required);
  if (required.some(([name]) => values[name] === undefined || values[name] === "")) {
    // One: with its value ("compute needs --out <dir>"); several: by name ("needs --phase, --provider and --hour").
    const list = required.length === 1 ? required.map(([name, spec]) => optionUsage(name, spec)) : required.map(([name]) => `--${name}`);
    throw new UsageError(`${command.name} needs ${joinAnd(list)}`);
  }
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.with !== undefined && values[name] !== undefined && values[name] !== false && values[spec.with] === undefined) {
      throw new UsageError(`--${name} goes with --${spec.with}`);
    }
  }
  return { positionals: parsed.positionals, values };
}
