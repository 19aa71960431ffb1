import { plannedCommand } from "./planned";

/** Planned (issue 8): a model against a baseline. */
export const compare = plannedCommand("compare", "compare a model with a baseline");
