import { resolve } from "node:path";
import { UsageError } from "./args";
import { runCompute, runDemo, runExplain, runValidate } from "./commands";
import { HELP, commandHelp } from "./help";

/** Exit codes of spec section 6. */
export const EXIT = { ok: 0, fail: 1, modelErrors: 2, usage: 3 } as const;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
  cwd: process.cwd(),
};

/**
 * The CLI: runs one command and returns its exit code. Every error is translated here into
 * one line on stderr; nothing reaches the user as a stack trace.
 */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      const topic = command === "help" ? rest[0] : undefined;
      io.out(topic ? commandHelp(topic) ?? HELP : HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      const help = commandHelp(command);
      if (!help) throw new UsageError(`unknown command '${command}'`);
      io.out(help);
      return EXIT.ok;
    }
    switch (command) {
      case "validate":
        return await runValidate(rest, io);
      case "compute":
        return await runCompute(rest, io);
      case "explain":
        return await runExplain(rest, io);
      case "demo":
        return await runDemo(rest, io, resolve(__dirname, "../../.."));
      case "export":
      case "compare":
        throw new UsageError(`'${command}' is not available in this version yet (it is planned; see README)`);
      default:
        throw new UsageError(`unknown command '${command}'; try: sctvm --help`);
    }
  } catch (err) {
    io.err(`sctvm: ${oneLine(err)}`);
    return EXIT.usage;
  }
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*\n\s*/g, " ");
}
