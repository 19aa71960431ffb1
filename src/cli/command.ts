/**
 * One definition per command: its options, usage and help text all come from here, so the
 * parser, `--help` and the usage line never disagree. Adding a command = one file in
 * commands/ that calls `defineCommand`, plus one line in commands/index.ts.
 */
import type { Io } from "./io";

export interface OptionSpec {
  readonly type: "string" | "boolean";
  /** Placeholder for the value in usage lines, e.g. "<dir>" (string options). */
  readonly value?: string;
  /** The command cannot run without it. */
  readonly required?: boolean;
  /** May be given several times; the values reach the command joined by commas (`--phase A=B --phase C=D` = `A=B,C=D`). */
  readonly repeatable?: boolean;
  /** Allowed only together with this other option (shown nested in the usage line). */
  readonly with?: string;
  /** One line for the options list of `--help`. */
  readonly help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Parsed option values, typed from the specs: booleans always present, strings when given. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K]["type"] extends "boolean" ? boolean : O[K]["required"] extends true ? string : string | undefined;
};

export interface Positional {
  /** Placeholder in usage lines, e.g. "<model.xlsx>". */
  readonly usage: string;
  /** Word for error messages, e.g. "workbook". */
  readonly name: string;
}

export interface CommandSpec<O extends OptionSpecs> {
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** Exactly these positionals; omitted: positionals are not checked (and not used). */
  readonly positionals?: readonly Positional[];
  readonly options: O;
  /** The prose of `sctvm <name> --help`, after the usage line and before the options. */
  readonly description: string;
  /** False for a planned command: it answers "not available yet" (exit 3) whatever its arguments. */
  readonly available?: boolean;
  run(args: { readonly positionals: readonly string[]; readonly values: OptionValues<O> }, io: Io): Promise<number>;
}

/** A command with its option types erased, as main and the help text see it. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly positionals?: readonly Positional[];
  readonly options: OptionSpecs;
  readonly description: string;
  readonly available: boolean;
  run(args: { readonly positionals: readonly string[]; readonly values: Readonly<Record<string, string | boolean | undefined>> }, io: Io): Promise<number>;
}

/** @example export const validate = defineCommand({ name: "validate", options: { json: { type: "boolean", help: "…" } }, … }) */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  return {
    ...spec,
    available: spec.available ?? true,
    // The parser fills values from the same specs, so the erased shape matches OptionValues<O>.
    run: (args, io) => spec.run(args as { positionals: readonly string[]; values: OptionValues<O> }, io),
  };
}
