/**
 * The content of the large bench model: every spec table as a header row plus data rows,
 * generated from a seed. Valid by construction (spec sections 1 and 2): every reference
 * resolves, every key is unique, profiles sum exactly to 1 (shares are multiples of 1/1024),
 * generations and streams agree, and every DMC, profile and provider is used.
 */
import { HOUR_COLUMNS, type CellValue } from "../src/engine";
import { makePrng, type Prng } from "./prng";

/** One table's cells: header row first. */
export type TableRows = CellValue[][];

/** How big the model is. */
export interface LargeModelShape {
  readonly seed: number;
  readonly dmcs: number;
  /** Transaction rows; at least 40. */
  readonly transactions: number;
  readonly overrides: number;
}

export const DEFAULT_SHAPE: LargeModelShape = { seed: 20210801, dmcs: 500, transactions: 200, overrides: 50 };

export const PHASES: readonly (readonly [string, number, number, string])[] = [
  ["IOC", 44197, 44286, "Initial operating capability"],
  ["MOC", 44287, 44377, "Middle operating capability"],
  ["FOC", 44378, 44561, "Full operating capability"],
];
export const PROVIDERS: readonly (readonly [string, string])[] = [
  ["DSP", "Data Service Provider"],
  ["CP", "Commissioning Party"],
  ["DCO", "Dual Control Organisation"],
  ["S1SP", "SMETS1 Service Provider"],
  ["CSPN", "Communications Service Provider North"],
  ["CSPC", "Communications Service Provider Central and South"],
];
const HOUR_HEADERS = HOUR_COLUMNS;
/** Profile name -> hours (centre, width) of its bumps; "Flat" has none. */
const PROFILE_SHAPES: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  Flat: [],
  Day: [[11, 3], [15, 2]],
  Morning: [[8, 2]],
  Evening: [[19, 2]],
  Night: [[2, 1.5]],
  Batch: [[4, 0.8], [23, 0.8]],
};
const MANUFACTURERS = ["Acme", "Beta", "Corvid", "Delta", "Elster", "Fenwick", "Gamma", "Helix"];
const SMSOS = ["SMSO-A", "SMSO-B", "SMSO-C", "SMSO-D"];

/** Integer weights summing to 1024, so every share w/1024 is exact and the row sums to 1. */
function profileShares(bumps: readonly (readonly [number, number])[]): number[] {
  const raw = HOUR_HEADERS.map((_, h) =>
    bumps.length === 0 ? 1 : 0.02 + bumps.reduce((s, [c, w]) => s + Math.exp(-(((h - c) / w) ** 2)), 0),
  );
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((v) => Math.floor((v / total) * 1024));
  let rest = 1024 - weights.reduce((a, b) => a + b, 0);
  for (let h = 0; rest > 0; h = (h + 1) % 24, rest--) weights[h] = (weights[h] ?? 0) + 1;
  return weights.map((w) => w / 1024);
}

/** A routing cell: 0 is written as blank a third of the time (blank = 0 in the spec). */
function route(rng: Prng, on: boolean): CellValue {
  if (!on) return rng.chance(0.33) ? null : 0;
  return rng.chance(0.15) ? 2 : 1;
}

interface TxRow {
  readonly name: string;
  readonly generation: "SMETS1" | "SMETS2+" | "All";
  readonly stream: "Migration" | "Install" | "Traffic";
  readonly rate: number;
  readonly profile: string;
  readonly routing: readonly CellValue[];
}

/** Routing by provider (PROVIDERS order) for a row's stream and generation. */
function routingFor(rng: Prng, stream: TxRow["stream"], generation: TxRow["generation"]): CellValue[] {
  const s1 = generation !== "SMETS2+";
  const s2 = generation !== "SMETS1";
  const csp = rng.chance(0.5);
  return [
    route(rng, true), // DSP carries everything
    route(rng, stream !== "Traffic"), // CP: migration and install commissioning
    route(rng, s1 && rng.chance(0.3)), // DCO: critical SMETS1 requests
    route(rng, s1 && stream !== "Install"), // S1SP: all SMETS1 traffic and migration
    route(rng, s2 && stream !== "Migration" && csp), // CSPN
    route(rng, s2 && stream !== "Migration" && !csp), // CSPC
  ];
}

function transactionRows(rng: Prng, count: number): TxRow[] {
  const rows: TxRow[] = [];
  const migrations = Math.round(count * 0.08);
  const installs = Math.round(count * 0.08);
  const pairs = Math.round(count * 0.24);
  const all = count - migrations - installs - 2 * pairs;
  const make = (name: string, generation: TxRow["generation"], stream: TxRow["stream"], profiles: readonly string[]): TxRow => ({
    name,
    generation,
    stream,
    rate: stream === "Traffic" ? rng.int(1, 100) / 1000 : rng.int(1, 12),
    profile: rng.pick(profiles),
    routing: routingFor(rng, stream, generation),
  });
  for (let i = 1; i <= migrations; i++) rows.push(make(`Migrate step ${i}`, rng.chance(0.8) ? "SMETS1" : "All", "Migration", ["Day", "Morning"]));
  for (let i = 1; i <= installs; i++) rows.push(make(`Commission step ${i}`, "SMETS2+", "Install", ["Day", "Morning"]));
  const traffic = ["Night", "Flat", "Evening", "Batch", "Day"];
  for (let i = 1; i <= pairs; i++) {
    rows.push(make(`SRV ${1 + (i % 12)}.${i}`, "SMETS1", "Traffic", traffic));
    rows.push(make(`SRV ${1 + (i % 12)}.${i}`, "SMETS2+", "Traffic", traffic));
  }
  for (let i = 1; i <= all; i++) rows.push(make(`Alert 0x${(0x8f00 + i).toString(16).toUpperCase()}`, "All", "Traffic", traffic));
  // Fisher-Yates with the seeded generator: streams interleave as in a real catalogue.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rows[i], rows[j]] = [rows[j] as TxRow, rows[i] as TxRow];
  }
  return rows;
}

/**
 * The nine spec tables of the large model, keyed by table name.
 * @example const t = largeModelTables(); t.Volumes.length // 1 + 3 × 500
 */
export function largeModelTables(shape: LargeModelShape = DEFAULT_SHAPE): Record<string, TableRows> {
  const rng = makePrng(shape.seed);
  const providerNames = PROVIDERS.map(([p]) => p);
  const dmcs = Array.from({ length: shape.dmcs }, (_, i) => {
    const generation = rng.chance(0.6) ? ("SMETS1" as const) : ("SMETS2+" as const);
    const maker = rng.pick(MANUFACTURERS);
    return { name: `${generation === "SMETS1" ? "S1" : "S2"}-${maker}-${String(i + 1).padStart(4, "0")}`, generation, maker };
  });
  const txs = transactionRows(rng, shape.transactions);
  const used = new Set(txs.map((t) => t.profile));
  for (const p of Object.keys(PROFILE_SHAPES)) if (!used.has(p)) throw new Error(`seed leaves profile ${p} unused; pick another seed`);

  const overrides: TableRows = [["DMC", "Transaction", "Rate"]];
  const claimed = new Set<string>();
  while (overrides.length <= shape.overrides) {
    const d = rng.pick(dmcs);
    const t = rng.pick(txs);
    if (t.generation !== "All" && t.generation !== d.generation) continue;
    if (claimed.has(`${d.name}|${t.name}`)) continue;
    claimed.add(`${d.name}|${t.name}`);
    overrides.push([d.name, t.name, rng.chance(0.1) ? 0 : t.rate * rng.pick([0.5, 2, 3])]);
  }

  return {
    Settings: [
      ["Setting", "Value"],
      ["Contingency", 0.05],
      ["BurstFactor", 1.5],
      ["Tolerance", 0.1],
      ["ModelName", "Bench large model"],
      ["ModelVersion", `seed ${shape.seed}`],
    ],
    Phases: [["Phase", "StartDate", "EndDate", "Description"], ...PHASES.map((p) => [...p])],
    Providers: [["Provider", "Description"], ...PROVIDERS.map((p) => [...p])],
    DMCs: [
      ["DMC", "Generation", "Description", "Manufacturer", "SMSO", "InstallationType"],
      ...dmcs.map((d) => [d.name, d.generation, `${d.maker} ${d.generation} meter`, d.maker, rng.pick(SMSOS), rng.pick(["Credit", "Prepay"])]),
    ],
    Volumes: [
      ["Phase", "DMC", "Population", "MigrationsPerDay", "InstallsPerDay"],
      ...PHASES.flatMap(([phase], ph) =>
        dmcs.map((d) => {
          const s1 = d.generation === "SMETS1";
          const population = rng.int(500, s1 ? 60000 : 120000) * (ph + 1);
          const zero = (): CellValue => (rng.chance(0.5) ? null : 0);
          return [phase, d.name, population, s1 ? rng.int(0, 150) : zero(), s1 ? zero() : rng.int(0, 100)];
        }),
      ),
    ],
    Transactions: [
      ["Transaction", "Generation", "Stream", "Rate", "Profile", ...providerNames, "Description"],
      ...txs.map((t) => [t.name, t.generation, t.stream, t.rate, t.profile, ...t.routing, `${t.stream} ${t.generation}`]),
    ],
    Overrides: overrides,
    Profiles: [["Profile", ...HOUR_HEADERS], ...Object.entries(PROFILE_SHAPES).map(([name, bumps]) => [name, ...profileShares(bumps)])],
    PerformanceLevels: [
      ["Provider", "Phase", "CapacityPerHour", "PeakPerSecond", "Headroom"],
      ...providerNames.map((p) => [p, null, 2e8, 1e5, 0.2]),
      ["DSP", "IOC", 1e8, 5e4, 0.25],
      ["S1SP", "IOC", 1e8, null, 0.25],
    ],
  };
}
