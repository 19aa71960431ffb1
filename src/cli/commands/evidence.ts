import { plannedCommand } from "./planned";

/** Planned (issue 8): measured evidence against the model. */
export const evidence = plannedCommand("evidence", "import test evidence and check it against the model");
