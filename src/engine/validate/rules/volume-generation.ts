import { showValue } from "../issue-catalogue";
import { rowRule } from "../rule";

/**
 * GENERATION_MISMATCH: migrations for a SMETS2+ DMC or installs for a SMETS1 DMC, at the
 * MigrationsPerDay / InstallsPerDay cell.
 */
export const volumeGeneration = rowRule<"Volumes">({
  name: "volume-generation",
  table: "Volumes",
  after: "row",
  start: () => ({ dmc, generation, migrationsPerDay, installsPerDay }, report) => {
    if (generation === "SMETS2+" && migrationsPerDay && migrationsPerDay.value > 0) {
      report("GENERATION_MISMATCH", "Volumes", migrationsPerDay.cell, {
        column: "MigrationsPerDay",
        found: `${migrationsPerDay.value} migrations a day for SMETS2+ DMC ${showValue(dmc.text?.value)}`,
        expected: "0 or blank: only SMETS1 installations migrate",
      });
    }
    if (generation === "SMETS1" && installsPerDay && installsPerDay.value > 0) {
      report("GENERATION_MISMATCH", "Volumes", installsPerDay.cell, {
        column: "InstallsPerDay",
        found: `${installsPerDay.value} installs a day for SMETS1 DMC ${showValue(dmc.text?.value)}`,
        expected: "0 or blank: only SMETS2+ meters are installed",
      });
    }
  },
});
