/** fast-check arbitraries: random valid models as grids, and random junk grids. */
import fc from "fast-check";
import type { CellGrid, CellValue, WorkbookGrids } from "../../src/engine";
import { HOUR_HEADERS, type Rows } from "./model-grids";

// Normal numbers only: scaling a subnormal by a power of two is not exact.
const volume = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }));
const rate = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 20, noNaN: true }));
const route = fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 3 }));

/** 24 non-negative weights normalised to shares; the last absorbs rounding so the row sums to ~1. */
const profileShares = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 24, maxLength: 24 }).map((w) => {
  const total = w.reduce((a, b) => a + b, 0) || 1;
  const shares = w.map((x) => (total === 1 && w.every((y) => y === 0) ? 1 / 24 : x / total));
  return shares;
});

export interface ModelShape {
  readonly phases: number;
  readonly providers: number;
  readonly dmcs: { readonly generation: "SMETS1" | "SMETS2+" }[];
}

/** A random valid model: every table well-formed, volumes and rates random. */
export const arbitraryModelTables: fc.Arbitrary<Record<string, Rows>> = fc
  .record({
    phases: fc.integer({ min: 1, max: 3 }),
    providers: fc.integer({ min: 1, max: 4 }),
    gens: fc.array(fc.constantFrom<"SMETS1" | "SMETS2+">("SMETS1", "SMETS2+"), { minLength: 1, maxLength: 5 }),
    profiles: fc.array(profileShares, { minLength: 1, maxLength: 3 }),
    contingency: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 0.5, noNaN: true })),
    burst: fc.double({ min: 1, max: 3, noNaN: true }),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      volumes: fc.array(fc.tuple(volume, volume, fc.boolean()), { minLength: s.phases * s.gens.length, maxLength: s.phases * s.gens.length }),
      transactions: fc.array(
        fc.record({
          gen: fc.constantFrom("SMETS1", "SMETS2+", "All"),
          stream: fc.constantFrom("Migration", "Install", "Traffic"),
          rate,
          profile: fc.nat({ max: s.profiles.length - 1 }),
          routes: fc.array(route, { minLength: s.providers, maxLength: s.providers }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      overrides: fc.array(fc.tuple(fc.nat({ max: s.gens.length - 1 }), fc.nat({ max: 7 }), rate), { maxLength: 3 }),
      capacity: fc.array(fc.double({ min: 1, max: 1e7, noNaN: true }), { minLength: s.providers, maxLength: s.providers }),
    }),
  )
  .map(({ s, volumes, transactions, overrides, capacity }) => {
    const providers = Array.from({ length: s.providers }, (_, i) => `P${i}`);
    const dmcs = s.gens.map((g, i) => [`D${i}`, g]);
    // Keep generation rules: Migration not SMETS2+, Install not SMETS1; each row its own name.
    const txRows: Rows = transactions.map((t, i) => {
      const gen = t.stream === "Migration" && t.gen === "SMETS2+" ? "SMETS1" : t.stream === "Install" && t.gen === "SMETS1" ? "SMETS2+" : t.gen;
      return [`T${i}`, gen, t.stream, t.rate, `Prof${t.profile}`, ...t.routes];
    });
    const volRows: Rows = [];
    for (let ph = 0; ph < s.phases; ph++) {
      s.gens.forEach((g, d) => {
        const [a, b] = volumes[ph * s.gens.length + d] ?? [0, 0, false];
        volRows.push([`Ph${ph}`, `D${d}`, a, g === "SMETS1" ? b : 0, g === "SMETS2+" ? b : 0]);
      });
    }
    const overrideRows: Rows = [];
    const seen = new Set<string>();
    for (const [d, t, r] of overrides) {
      const tx = txRows[t % txRows.length];
      const g = s.gens[d];
      if (!tx || !g || (tx[1] !== "All" && tx[1] !== g) || seen.has(`${d}/${tx[0]}`)) continue;
      seen.add(`${d}/${tx[0]}`);
      overrideRows.push([`D${d}`, tx[0] as string, r]);
    }
    return {
      Settings: [["Setting", "Value"], ["Contingency", s.contingency], ["BurstFactor", s.burst]],
      Phases: [["Phase", "StartDate", "EndDate"], ...Array.from({ length: s.phases }, (_, i): CellValue[] => [`Ph${i}`, 43000 + i * 100, 43050 + i * 100])],
      Providers: [["Provider"], ...providers.map((p): CellValue[] => [p])],
      DMCs: [["DMC", "Generation"], ...dmcs],
      Volumes: [["Phase", "DMC", "Population", "MigrationsPerDay", "InstallsPerDay"], ...volRows],
      Transactions: [["Transaction", "Generation", "Stream", "Rate", "Profile", ...providers], ...txRows],
      Overrides: [["DMC", "Transaction", "Rate"], ...overrideRows],
      Profiles: [["Profile", ...HOUR_HEADERS], ...s.profiles.map((sh, i): CellValue[] => [`Prof${i}`, ...sh])],
      PerformanceLevels: [["Provider", "Phase", "CapacityPerHour", "Headroom"], ...providers.map((p, i): CellValue[] => [p, null, capacity[i] ?? 1, 0.1])],
    } as Record<string, Rows>;
  });

export function tablesToGrids(tables: Record<string, Rows>): WorkbookGrids {
  return { tables: Object.entries(tables).map(([name, rows]): CellGrid => ({ name, sheet: name, top: 0, left: 0, rows })), sheets: [] };
}

/** Any cell value an adapter could hand over, and some it should not. */
export const arbitraryCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("", " ", "SMETS1", "SMETS2+", "All", "Traffic", "Migration", "Install", "1200", "1e999", "-3", "#REF!", "2021-03-01", "H00", "DSP"),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }),
);

const tableName = fc.constantFrom("Settings", "Phases", "Providers", "DMCs", "Volumes", "Transactions", "Overrides", "Profiles", "PerformanceLevels", "phases", "Other");
const headerCell = fc.oneof(
  arbitraryCell,
  fc.constantFrom("Phase", "DMC", "Provider", "Profile", "Transaction", "Generation", "Stream", "Rate", "Population", "Setting", "Value", "CapacityPerHour", "StartDate", "EndDate", ...HOUR_HEADERS.slice(0, 3)),
);

/** Junk workbooks: random table names, headers from the spec's vocabulary, random cells. */
export const arbitraryGrids: fc.Arbitrary<WorkbookGrids> = fc
  .array(
    fc.record({
      name: tableName,
      top: fc.nat({ max: 50 }),
      left: fc.nat({ max: 30 }),
      header: fc.array(headerCell, { maxLength: 8 }),
      body: fc.array(fc.array(arbitraryCell, { maxLength: 8 }), { maxLength: 6 }),
    }),
    { maxLength: 10 },
  )
  .map((ts) => ({
    tables: ts.map((t): CellGrid => ({ name: t.name, sheet: `S ${t.name}'`, top: t.top, left: t.left, rows: [t.header, ...t.body] })),
    sheets: [],
  }));
