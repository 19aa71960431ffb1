/**
 * A small model whose compare figures are easy to derive by hand, and edits of it with
 * known changes (spec section 5 tests, engine and CLI alike).
 * DSP carries Read (all DMCs, 2 a day, half at 01:00, half at 02:00): IOC daily
 * (1000 + 3000) × 2 = 8000, peak 4000 at 01. S1SP carries Alert (SMETS1 only, 1 a day, a
 * quarter at 09:00, three quarters at 10:00): IOC daily 1000, peak 750 at 10.
 */
import { HOUR_HEADERS, shares, type Rows } from "./model-grids";
import { writeWorkbookFile, type CellInput } from "./write-workbook";

export type Tables = Record<string, Rows>;

export function handTables(): Tables {
  return {
    Settings: [["Setting", "Value"], ["Contingency", 0], ["Tolerance", 0.1], ["ModelName", "Hand"], ["ModelVersion", "1"]],
    Phases: [["Phase", "StartDate", "EndDate"], ["IOC", 44000, 44100], ["MOC", 44200, 44300]],
    Providers: [["Provider"], ["DSP"], ["S1SP"]],
    DMCs: [["DMC", "Generation"], ["A", "SMETS1"], ["B", "SMETS2+"]],
    Volumes: [
      ["Phase", "DMC", "Population"],
      ["IOC", "A", 1000],
      ["IOC", "B", 3000],
      ["MOC", "A", 2000],
      ["MOC", "B", 6000],
    ],
    Transactions: [
      ["Transaction", "Generation", "Stream", "Rate", "Profile", "DSP", "S1SP"],
      ["Read", "All", "Traffic", 2, "Night", 1, 0],
      ["Alert", "SMETS1", "Traffic", 1, "Day", 0, 1],
    ],
    Profiles: [["Profile", ...HOUR_HEADERS], ["Night", ...shares({ 1: 0.5, 2: 0.5 })], ["Day", ...shares({ 9: 0.25, 10: 0.75 })]],
    PerformanceLevels: [["Provider", "Phase", "CapacityPerHour"], ["DSP", null, 1e6], ["S1SP", null, 1e6]],
  };
}

/** Every population × k. */
export const scalePopulation = (k: number) => (t: Tables): void => {
  for (const r of (t.Volumes ?? []).slice(1)) r[2] = (r[2] as number) * k;
};

/** Night's shares reshaped to 0.8 at 01:00 and 0.2 at 02:00 (DSP peak 6400). */
export const reshapeNight = (t: Tables): void => {
  (t.Profiles as Rows)[1] = ["Night", ...shares({ 1: 0.8, 2: 0.2 })];
};

/** Alert routed to DSP instead of S1SP. */
export const rerouteAlert = (t: Tables): void => {
  (t.Transactions as Rows)[2] = ["Alert", "SMETS1", "Traffic", 1, "Day", 1, 0];
};

export const setContingency = (c: number) => (t: Tables): void => {
  (t.Settings as Rows)[1] = ["Contingency", c];
};

export function editedTables(...edits: ((t: Tables) => void)[]): Tables {
  const t = handTables();
  for (const e of edits) e(t);
  return t;
}

/** The tables as a real .xlsx, one sheet and Excel table per model table. */
export async function writeTablesWorkbook(path: string, tables: Tables): Promise<void> {
  await writeWorkbookFile(path, { sheets: Object.entries(tables).map(([name, rows]) => ({ name, tables: [{ name, at: "A1", rows: rows as CellInput[][] }] })) });
}
