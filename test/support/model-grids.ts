/**
 * Builders for engine tests: a small valid model as plain grids, with any table replaced
 * or edited. Tables sit on their own sheets at A1 unless a test places them elsewhere.
 */
import { HOUR_COLUMNS, type CellGrid, type CellValue, type WorkbookGrids } from "../../src/engine";

export type Rows = CellValue[][];

/** The Profiles hour columns, as the engine defines them. */
export const HOUR_HEADERS = HOUR_COLUMNS;

/** 24 shares: `weights` spread over the hours given, zero elsewhere. */
export function shares(hours: Record<number, number>): number[] {
  return Array.from({ length: 24 }, (_, h) => hours[h] ?? 0);
}

export const flat = (): number[] => Array.from({ length: 24 }, () => 1 / 24);

export function baseTables(): Record<string, Rows> {
  return {
    Settings: [
      ["Setting", "Value"],
      ["Contingency", 0.1],
      ["BurstFactor", 1.5],
      ["Tolerance", 0.1],
      ["ModelName", "Test model"],
      ["ModelVersion", "1"],
    ],
    Phases: [
      ["Phase", "StartDate", "EndDate", "Description"],
      ["IOC", 43800, 43900, "Initial"],
      ["MOC", 44000, 44100, "Middle"],
    ],
    Providers: [
      ["Provider", "Description"],
      ["DSP", "Data Service Provider"],
      ["S1SP", "SMETS1 Service Provider"],
    ],
    DMCs: [
      ["DMC", "Generation", "Manufacturer"],
      ["S1-A", "SMETS1", "Acme"],
      ["S2-B", "SMETS2+", "Beta"],
    ],
    Volumes: [
      ["Phase", "DMC", "Population", "MigrationsPerDay", "InstallsPerDay"],
      ["IOC", "S1-A", 1000, 100, null],
      ["IOC", "S2-B", 2000, null, 50],
      ["MOC", "S1-A", 3000, 200, 0],
      ["MOC", "S2-B", 4000, 0, 80],
    ],
    Transactions: [
      ["Transaction", "Generation", "Stream", "Rate", "Profile", "DSP", "S1SP", "Description"],
      ["Migrate", "SMETS1", "Migration", 2, "Day", 1, 1, "migration"],
      ["Install", "SMETS2+", "Install", 3, "Day", 1, 0, "install"],
      ["Read", "SMETS1", "Traffic", 1, "Night", 1, 1, "s1 read"],
      ["Read", "SMETS2+", "Traffic", 0.5, "Night", 1, 0, "s2 read"],
      ["Alert", "All", "Traffic", 0.2, "Flat", 1, 2, "alerts"],
    ],
    Overrides: [
      ["DMC", "Transaction", "Rate"],
      ["S2-B", "Alert", 0.4],
    ],
    Profiles: [
      ["Profile", ...HOUR_HEADERS],
      ["Day", ...shares({ 9: 0.25, 10: 0.25, 11: 0.25, 14: 0.25 })],
      ["Night", ...shares({ 1: 0.5, 2: 0.3, 3: 0.2 })],
      ["Flat", ...flat()],
    ],
    PerformanceLevels: [
      ["Provider", "Phase", "CapacityPerHour", "PeakPerSecond", "Headroom"],
      ["DSP", null, 100000, 100, 0.2],
      ["S1SP", "IOC", 1000, 1, 0.2],
      ["S1SP", null, 100000, null, 0],
    ],
  };
}

export function grid(name: string, rows: Rows, at: { sheet?: string; top?: number; left?: number } = {}): CellGrid {
  return { name, sheet: at.sheet ?? name, top: at.top ?? 0, left: at.left ?? 0, rows };
}

/** The tables as Excel tables on their own sheets at A1; edit with `edit`. */
export function buildGrids(edit?: (t: Record<string, Rows>) => void, kind: "tables" | "sheets" = "tables"): WorkbookGrids {
  const tables = baseTables();
  edit?.(tables);
  const grids = Object.entries(tables).map(([name, rows]) => grid(name, rows));
  return kind === "tables" ? { tables: grids, sheets: [] } : { tables: [], sheets: grids };
}

/** Sets one cell of a table by header name and data row (1-based, as the table shows it). */
export function setCell(rows: Rows, dataRow: number, header: string, value: CellValue): void {
  const c = (rows[0] ?? []).findIndex((h) => h === header);
  if (c < 0) throw new Error(`no header ${header}`);
  const row = rows[dataRow];
  if (!row) throw new Error(`no row ${dataRow}`);
  row[c] = value;
}
