import { COMMANDS } from "./commands/index"; // not "./commands": a stale lib/src/cli/commands.js would win
import { escapeControls } from "./escape-controls";
import { EXIT } from "./exit-codes";
import { commandHelp, topLevelHelp } from "./help";
import { processIo, type Io } from "./io";
import { parseCommandLine } from "./parse-command-line";
import { UsageError } from "./usage-error";

export { EXIT } from "./exit-codes";
export type { Io } from "./io";

const isHelp = (arg: string | undefined): boolean => arg === "--help" || arg === "-h";

/**
 * The CLI: runs one command and returns its exit code. Every error is translated here into
 * one line on stderr; nothing reaches the user as a stack trace.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || isHelp(name) || name === "help") {
      const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
      io.out(topic ? commandHelp(topic) : topLevelHelp(COMMANDS));
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (rest.some(isHelp)) {
      if (!command) throw new UsageError(`unknown command '${name}'`);
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    if (!command) throw new UsageError(`unknown command '${name}'; try: sctvm --help`);
    if (!command.available) return await command.run({ positionals: rest, values: {} }, io);
    return await command.run(parseCommandLine(rest, command), io);
  } catch (err) {
    io.err(`sctvm: ${oneLine(err)}`);
    return EXIT.usage;
  }
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return escapeControls(text.replace(/\s*\n\s*/g, " "));
}
