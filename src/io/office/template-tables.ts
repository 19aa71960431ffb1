/**
 * The spec's input tables as the template inserts them: headers, a guidance note for the
 * rows above each table, and the few number formats that make the cells readable.
 * Pure data and functions; the Office.js part is insert-template.ts.
 */
import { foldKey as fold, specColumns, TABLE_NAMES, type CellGrid, type CellValue, type WorkbookGrids } from "../../engine";

type TableName = (typeof TABLE_NAMES)[number];

export interface TemplateTable {
  readonly name: TableName;
  readonly columns: readonly string[];
  /** Row 1: what the table is for. */
  readonly purpose: string;
  /** Row 2: its columns, required ones first. */
  readonly columnsNote: string;
}

/** 0-based row of the header: purpose, columns note, a blank row, then the table. */
export const TEMPLATE_HEADER_ROW = 3;

/** Number formats by column name, applied to the table body. */
export const TEMPLATE_FORMATS: Readonly<Record<string, string>> = {
  StartDate: "yyyy-mm-dd",
  EndDate: "yyyy-mm-dd",
  Headroom: "0%",
  Percentile: "0.0%",
  MaxErrorRate: "0.00%",
};

export const TEMPLATE_TABLES: readonly TemplateTable[] = [
  {
    name: "Settings",
    columns: specColumns("Settings"),
    purpose: "Settings (optional): one row per setting.",
    columnsNote:
      "Setting, Value. Contingency: fraction ≥ 0 added to every volume (0.1 = 10%, default 0); BurstFactor: busiest second ÷ mean second, ≥ 1 (default 1); Tolerance: fraction > 0 for 'broadly as predicted' (default 0.1); ModelName, ModelVersion: text shown on every output.",
  },
  {
    name: "Phases",
    columns: specColumns("Phases"),
    purpose: "Phases (required): one row per test phase (IOC, MOC, FOC), ordered by StartDate.",
    columnsNote: "Phase: name; StartDate, EndDate: dates, EndDate on or after StartDate; Description: optional text.",
  },
  {
    name: "Providers",
    columns: specColumns("Providers"),
    purpose: "Providers (required): the service providers whose load is modelled.",
    columnsNote: "Provider: name (DSP, CP, DCO, S1SP); each needs a column of that name in Transactions. Description: optional.",
  },
  {
    name: "DMCs",
    columns: specColumns("DMCs"),
    purpose: "DMCs (required): one row per Device Model Combination.",
    columnsNote: "DMC: name; Generation: SMETS1 or SMETS2+; Description and any further columns (Manufacturer, SMSO...) are kept as attributes.",
  },
  {
    name: "Volumes",
    columns: specColumns("Volumes"),
    purpose: "Volumes (required): per phase and DMC; a missing pair has zero volumes.",
    columnsNote:
      "Phase, DMC: as defined above; Population: installations operating in the phase (drives traffic); MigrationsPerDay: SMETS1 only, blank = 0; InstallsPerDay: SMETS2+ only, blank = 0.",
  },
  {
    name: "Transactions",
    columns: [...specColumns("Transactions"), "DSP", "CP", "DCO", "S1SP"],
    purpose: "Transactions (required): the catalogue with volumetrics and routing; key (Transaction, Generation).",
    columnsNote:
      "Generation: SMETS1, SMETS2+ or All; Stream: Migration, Install or Traffic; Rate ≥ 0: per device per day (Traffic) or per migration/install; Profile: a row of Profiles; one column per provider: messages per transaction on it (0 = not routed, blank = 0).",
  },
  {
    name: "Overrides",
    columns: specColumns("Overrides"),
    purpose: "Overrides (optional): a DMC's own rate for a transaction.",
    columnsNote: "DMC, Transaction: as defined above; Rate ≥ 0 replaces the Transactions rate for that DMC (0 = the DMC does not support it).",
  },
  {
    name: "Profiles",
    columns: specColumns("Profiles"),
    purpose: "Profiles (required): how a day's transactions fall into clock hours.",
    columnsNote: "Profile: name; H00…H23: share of the day in each hour (H07 = 07:00–07:59), each in [0, 1], a row summing to 1 (5% is 0.05, not 5).",
  },
  {
    name: "PerformanceLevels",
    columns: specColumns("PerformanceLevels"),
    purpose: "PerformanceLevels (required): the requisite performance level of each provider.",
    columnsNote:
      "Provider; Phase: blank = every phase without its own row; CapacityPerHour > 0: transactions per hour to sustain; PeakPerSecond > 0: optional per-second rate; Headroom: fraction ≥ 0 above the modelled peak (0.2 = 20%). For judging test runs only (Test evidence, sctvm evidence), all optional: TargetResponseSeconds > 0, met by the Percentile of requests (fraction, default 0.95); MaxErrorRate: share of failed requests allowed (fraction, default 0).",
  },
];

/**
 * The header and data rows to insert for a table: the sample's grid for that table when a
 * sample is given (found by name like the engine does: table, else sheet), else the
 * template headers and no rows. Short rows are padded to the header's width.
 */
export function templateContent(table: TemplateTable, sample: WorkbookGrids | undefined): { header: string[]; rows: CellValue[][] } {
  const grid = sample ? findGrid(sample, table.name) : undefined;
  if (!grid || grid.rows.length === 0) return { header: [...table.columns], rows: [] };
  const [first = [], ...data] = grid.rows;
  const header = first.map((cell, c) => headerText(cell, c));
  const rows = data.map((row) => header.map((_, c) => row[c] ?? null));
  return { header, rows };
}

function findGrid(sample: WorkbookGrids, name: string): CellGrid | undefined {
  return sample.tables.find((t) => fold(t.name) === fold(name)) ?? sample.sheets.find((s) => fold(s.name) === fold(name));
}

function headerText(cell: CellValue | undefined, c: number): string {
  if (typeof cell === "string" && cell.trim() !== "") return cell;
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return `Column${c + 1}`;
}

/**
 * A model cell as a value to write that Excel stores unchanged: blank as "", an error as
 * its text (Excel makes it the error again), and text that Excel would turn into a number,
 * date, boolean, error or formula (`1.0`, `2021-03-01`, `TRUE`, `#N/A`, `=x`, `-x`) kept
 * as text by a leading apostrophe.
 * @example templateCellValue("1.0") // "'1.0"
 */
export function templateCellValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "object") return "error" in value ? value.error : `=${value.formula}`;
  if (typeof value !== "string") return value;
  return wouldBeConverted(value) ? `'${value}` : value;
}

function wouldBeConverted(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  return (
    /^[=+\-@']/.test(text) ||
    /^(true|false)$/i.test(t) ||
    /^#[A-Z0-9/_!?]+$/i.test(t) ||
    (/\d/.test(t) && /^[\d\s.,:/%$£€()+-]+$/.test(t))
  );
}
