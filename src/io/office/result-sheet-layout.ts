/**
 * What a result sheet looks like, as plain data: title lines, where the table starts, its
 * name, number formats and highlights. Pure, so it is tested without a host.
 */
import { buildIssueTable, buildOutputTables, OUTPUT_FILES, OUTPUTS, type Analysis, type OutputCell, type OutputFile, type OutputTable } from "../../engine";

/** 0-based row of the table header: title, meta line, a blank row, then the table. */
export const RESULT_HEADER_ROW = 3;

/** The Excel table of each result sheet (names from the output registry). */
export const RESULT_TABLE_NAMES: Readonly<Record<OutputFile, string>> = Object.fromEntries(OUTPUT_FILES.map((f) => [f, OUTPUTS[f].sheet.table])) as Record<OutputFile, string>;

/** The tables to write: all five outputs, or only the issues when the model has errors. */
export function resultOutputs(analysis: Analysis): OutputTable[] {
  if (analysis.errorCount > 0 || !analysis.model || !analysis.results) return [buildIssueTable(analysis.issues)];
  return buildOutputTables(analysis.model, analysis.results, analysis.issues);
}

/**
 * The two lines above a result table: model name and version, then fingerprint and stamp.
 * @example resultTitle(analysis, "provider-summary.csv", "2025-01-01T00:00:00Z")[1]
 * // "Fingerprint 1ec81a3c… · computed 2025-01-01T00:00:00Z · written by sctvm (provider-summary.csv)"
 */
export function resultTitle(analysis: Analysis, file: OutputFile, stamp: string): [string, string] {
  const settings = analysis.model?.settings;
  const name = settings?.modelName.value.trim() || "Volume model";
  const version = settings?.modelVersion.value.trim();
  const title = `${name}${version ? ` (version ${version})` : ""}: ${OUTPUTS[file].description}`;
  const meta = analysis.fingerprint
    ? `Fingerprint ${analysis.fingerprint} · computed ${stamp} · written by sctvm (${file})`
    : `The model has ${analysis.errorCount} error(s), so only its issues are written · checked ${stamp} · written by sctvm (${file})`;
  return [title, meta];
}

/** Where a kept result sheet says it is stale: the blank row between the meta line and the table. */
export const STALE_NOTE_CELL = "A3";

/**
 * The stale note of a result sheet kept beside a model that now has errors.
 * @example staleNote(analysis, "2025-01-02T03:04:05Z") // "STALE: not recomputed at 2025-01-02T03:04:05Z: the model has 1 error (see sctvm Issues). …"
 */
export function staleNote(analysis: Analysis, stamp: string): string {
  const n = analysis.errorCount;
  return `STALE: not recomputed at ${stamp}: the model has ${n} error${n === 1 ? "" : "s"} (see sctvm Issues). These are the results of the last good Compute (line 2); fix the errors and compute again.`;
}

/**
 * The number format of a result column: rates per hour `#,##0.00`, per second `0.000`,
 * utilisation `0.0%`, hours as integers; text columns `@` so Excel keeps names such as
 * `1.0` or `=x` as typed.
 */
export function columnNumberFormat(column: string, values: readonly OutputCell[]): string {
  if (column === "utilisation") return "0.0%";
  if (column === "hour" || column === "peak_hour") return "0";
  if (column.endsWith("per_second")) return "0.000";
  if (column.endsWith("per_hour") || column === "daily_total") return "#,##0.00";
  return values.some((v) => typeof v === "number") ? "General" : "@";
}

export interface Highlight {
  readonly column: string;
  readonly operator: "EqualTo" | "GreaterThan" | "Between";
  readonly formula1: string;
  readonly formula2?: string;
  readonly fill: string;
  readonly font: string;
}

const RED = { fill: "#FFC7CE", font: "#9C0006" } as const;
const AMBER = { fill: "#FFEB9C", font: "#9C5700" } as const;

/** Conditional formats, first match wins: FAIL and utilisation above 1 red, 0.8 to 1 amber. */
export const HIGHLIGHTS: readonly Highlight[] = [
  { column: "status", operator: "EqualTo", formula1: '="FAIL"', ...RED },
  { column: "utilisation", operator: "GreaterThan", formula1: "=1", ...RED },
  { column: "utilisation", operator: "Between", formula1: "=0.8", formula2: "=1", ...AMBER },
  { column: "severity", operator: "EqualTo", formula1: '="error"', ...RED },
  { column: "severity", operator: "EqualTo", formula1: '="warning"', ...AMBER },
];

/** An output cell as Office.js takes it: blank as "", never a non-finite number. */
export function officeValue(cell: OutputCell): string | number {
  if (cell === null) return "";
  if (typeof cell === "number" && !Number.isFinite(cell)) return "";
  return cell;
}
