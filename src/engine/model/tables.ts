/** The spec's tables and their columns (spec section 1): defined here once. */
import { HOURS } from "./types";

/** The spec's tables, in the order validation reports them. */
export const TABLE_NAMES = [
  "Settings",
  "Phases",
  "Providers",
  "DMCs",
  "Volumes",
  "Transactions",
  "Overrides",
  "Profiles",
  "PerformanceLevels",
] as const;

export type TableName = (typeof TABLE_NAMES)[number];

export const REQUIRED_TABLES: ReadonlySet<TableName> = new Set<TableName>(["Phases", "Providers", "DMCs", "Volumes", "Transactions", "Profiles", "PerformanceLevels"]);

/** `H00` … `H23`: the Profiles columns, one per clock hour. */
export const HOUR_COLUMNS: readonly string[] = Array.from({ length: HOURS }, (_, h) => `H${String(h).padStart(2, "0")}`);

export interface SpecColumn {
  readonly name: string;
  readonly required: boolean;
}

/** "Name" is required, "Name?" optional. */
const columns = (...names: string[]): readonly SpecColumn[] =>
  names.map((n) => (n.endsWith("?") ? { name: n.slice(0, -1), required: false } : { name: n, required: true }));

/**
 * Each table's columns in the spec's order. Transactions also has one column per provider
 * (named as in Providers), and DMCs any descriptive attributes: those are not listed.
 */
export const TABLE_COLUMNS: { readonly [T in TableName]: readonly SpecColumn[] } = {
  Settings: columns("Setting", "Value"),
  Phases: columns("Phase", "StartDate", "EndDate", "Description?"),
  Providers: columns("Provider", "Description?"),
  DMCs: columns("DMC", "Generation", "Description?"),
  Volumes: columns("Phase", "DMC", "Population", "MigrationsPerDay?", "InstallsPerDay?"),
  Transactions: columns("Transaction", "Generation", "Stream", "Rate", "Profile", "Description?"),
  Overrides: columns("DMC", "Transaction", "Rate"),
  Profiles: columns("Profile", ...HOUR_COLUMNS),
  PerformanceLevels: columns("Provider", "Phase?", "CapacityPerHour", "PeakPerSecond?", "Headroom?", "TargetResponseSeconds?", "Percentile?", "MaxErrorRate?"),
};

/** @example specColumns("Volumes") // ["Phase", "DMC", "Population", "MigrationsPerDay", "InstallsPerDay"] */
export function specColumns(table: TableName): string[] {
  return TABLE_COLUMNS[table].map((c) => c.name);
}

export function requiredColumns(table: TableName): string[] {
  return TABLE_COLUMNS[table].filter((c) => c.required).map((c) => c.name);
}
