import { plannedCommand } from "./planned";

/** Planned (issue 7): load profiles for test harnesses. */
export const exportCommand = plannedCommand("export", "export load profiles for test harnesses");
