import { exhaustive } from "../model/exhaustive";
import type { Stream, VolumeRow } from "../model/types";

/** The Volumes column that drives each stream (spec section 3). */
export type DriverColumn = "MigrationsPerDay" | "InstallsPerDay" | "Population";

export interface Driver {
  readonly column: DriverColumn;
  readonly value: number;
  /** "" when the DMC has no Volumes row in the phase (the driver is then 0). */
  readonly cell: string;
}

/**
 * The driver of a stream for one (phase, DMC): migrations, installs or population.
 * @example driverOf(volume, "Traffic") // { column: "Population", value: 1000, cell: "'Volumes'!C2" }
 */
export function driverOf(volume: VolumeRow | undefined, stream: Stream): Driver {
  switch (stream) {
    case "Migration":
      return { column: "MigrationsPerDay", value: volume?.migrationsPerDay.value ?? 0, cell: volume?.migrationsPerDay.cell ?? "" };
    case "Install":
      return { column: "InstallsPerDay", value: volume?.installsPerDay.value ?? 0, cell: volume?.installsPerDay.cell ?? "" };
    case "Traffic":
      return { column: "Population", value: volume?.population.value ?? 0, cell: volume?.population.cell ?? "" };
    default:
      return exhaustive(stream);
  }
}
