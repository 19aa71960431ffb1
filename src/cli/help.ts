/** Help text generated from the command definitions and the exit codes. */
import type { Command } from "./command";
import { EXIT_MEANINGS } from "./exit-codes";
import { optionUsage } from "./parse-command-line";

/** `<model.xlsx> --out <dir> [--json]`: positionals, required options, then the rest. */
export function synopsis(command: Command): string {
  const entries = Object.entries(command.options);
  const nested = (name: string): string => {
    const inner = entries.filter(([, s]) => s.with === name).map(([n, s]) => ` [${optionUsage(n, s)}]`);
    const spec = command.options[name];
    return spec ? `${optionUsage(name, spec)}${inner.join("")}` : "";
  };
  const parts = [
    ...(command.positionals ?? []).map((p) => p.usage),
    ...entries.filter(([, s]) => s.required).map(([n]) => nested(n)),
    ...entries.filter(([, s]) => !s.required && s.with === undefined).map(([n]) => `[${nested(n)}]`),
  ];
  return [`sctvm ${command.name}`, ...parts].join(" ");
}

function exitCodesText(): string {
  const lines = Object.entries(EXIT_MEANINGS).map(([code, meaning]) => `${code} ${meaning}`);
  return `Exit codes: ${lines.join(", ")}.`;
}

/** `sctvm --help`: every available command with its usage and summary; planned ones by name. */
export function topLevelHelp(commands: readonly Command[]): string {
  const available = commands.filter((c) => c.available);
  const planned = commands.filter((c) => !c.available);
  return [
    "sctvm — System Capacity Testing volume model (Appendix A)",
    "",
    "Usage:",
    ...available.flatMap((c) => [`  ${synopsis(c)}`, `      ${c.summary}`]),
    ...(planned.length ? ["", `Planned, not available in this version yet: ${planned.map((c) => c.name).join(", ")}.`] : []),
    "",
    exitCodesText(),
    "Run 'sctvm <command> --help' for a command's options.",
  ].join("\n");
}

/** `sctvm <command> --help`: usage line, description, options. */
export function commandHelp(command: Command): string {
  if (!command.available) return `sctvm ${command.name}: not available in this version yet (it is planned; see README).`;
  const entries = Object.entries(command.options);
  const width = Math.max(0, ...entries.map(([n, s]) => optionUsage(n, s).length));
  const options = entries.map(([n, s]) => `  ${optionUsage(n, s).padEnd(width)}  ${s.help}${s.required ? " (required)" : ""}`);
  return [synopsis(command), "", command.description, ...(options.length ? ["", "Options:", ...options] : [])].join("\n");
}
