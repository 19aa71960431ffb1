import { defineCommand, type Command } from "../command";
import { UsageError } from "../usage-error";

/**
 * A command that is planned but not built: it answers "not available yet" (exit 3) whatever
 * its arguments. Whoever builds it replaces its file with a real `defineCommand`.
 */
export function plannedCommand(name: string, summary: string): Command {
  return defineCommand({
    name,
    summary,
    options: {},
    description: "",
    available: false,
    run: () => Promise.reject(new UsageError(`'${name}' is not available in this version yet (it is planned; see README)`)),
  });
}
