/** The parsed volume model: what the workbook says, with the cell each value came from. */

export type Generation = "SMETS1" | "SMETS2+";
export type TransactionGeneration = Generation | "All";
export type Stream = "Migration" | "Install" | "Traffic";
export type Status = "PASS" | "FAIL" | "NO_LEVEL";

export const GENERATIONS: readonly Generation[] = ["SMETS1", "SMETS2+"];
export const TRANSACTION_GENERATIONS: readonly TransactionGeneration[] = ["SMETS1", "SMETS2+", "All"];
export const STREAMS: readonly Stream[] = ["Migration", "Install", "Traffic"];
export const HOURS = 24;

/** A number (or text) with the A1 cell it came from; `cell` is "" for a default. */
export interface Sourced<T> {
  readonly value: T;
  readonly cell: string;
}

export interface Phase {
  readonly name: string;
  /** Excel serial day numbers. */
  readonly startDate: number;
  readonly endDate: number;
  readonly description: string;
  readonly cell: string;
}

export interface Provider {
  readonly name: string;
  readonly description: string;
  readonly cell: string;
}

export interface Dmc {
  readonly name: string;
  readonly generation: Generation;
  readonly description: string;
  /** Descriptive columns not named by the spec, header -> text. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly cell: string;
}

export interface VolumeRow {
  /** Index into `VolumeModel.phases`. */
  readonly phase: number;
  /** Index into `VolumeModel.dmcs`. */
  readonly dmc: number;
  readonly population: Sourced<number>;
  readonly migrationsPerDay: Sourced<number>;
  readonly installsPerDay: Sourced<number>;
}

export interface TransactionRow {
  readonly name: string;
  readonly generation: TransactionGeneration;
  readonly stream: Stream;
  readonly rate: Sourced<number>;
  /** Index into `VolumeModel.profiles`. */
  readonly profile: number;
  /** Messages per transaction on each provider, in `VolumeModel.providers` order. */
  readonly routing: readonly Sourced<number>[];
  readonly description: string;
  /** The Transaction cell of this row. */
  readonly cell: string;
}

export interface Override {
  readonly dmc: number;
  /** Index into `VolumeModel.transactions`: the row the override applies to. */
  readonly transaction: number;
  readonly rate: Sourced<number>;
}

export interface Profile {
  readonly name: string;
  /** 24 shares, H00..H23. */
  readonly shares: readonly Sourced<number>[];
  readonly cell: string;
}

export interface PerformanceLevel {
  readonly provider: number;
  /** Index into phases, or null for the provider's default level. */
  readonly phase: number | null;
  readonly capacityPerHour: Sourced<number>;
  readonly peakPerSecond: Sourced<number> | null;
  readonly headroom: Sourced<number>;
  /** Response time (seconds) that `percentile` of a test run's requests must meet; null = no target. */
  readonly targetResponseSeconds: Sourced<number> | null;
  /** Fraction in (0, 1], default 0.95 (a whole percentage such as 95 is read as 0.95, with a warning). */
  readonly percentile: Sourced<number>;
  /** Share of failed requests a test run may have, in [0, 1], default 0. */
  readonly maxErrorRate: Sourced<number>;
  readonly cell: string;
}

export interface Settings {
  readonly contingency: Sourced<number>;
  readonly burstFactor: Sourced<number>;
  readonly tolerance: Sourced<number>;
  readonly modelName: Sourced<string>;
  readonly modelVersion: Sourced<string>;
}

export interface VolumeModel {
  readonly settings: Settings;
  /** In phase order: by StartDate, table order on a tie. */
  readonly phases: readonly Phase[];
  readonly providers: readonly Provider[];
  readonly dmcs: readonly Dmc[];
  readonly volumes: readonly VolumeRow[];
  readonly transactions: readonly TransactionRow[];
  readonly overrides: readonly Override[];
  readonly profiles: readonly Profile[];
  readonly levels: readonly PerformanceLevel[];
}
