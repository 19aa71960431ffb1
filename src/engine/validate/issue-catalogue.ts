import type { Issue, IssueCode, Severity } from "../model/issue";

/** What an issue is about; every field is optional text already formatted for people. */
export interface IssueDetails {
  /** The column (or setting) concerned, e.g. `Population`. */
  readonly column?: string;
  /** What was found, e.g. `-5` or `"abc"`. */
  readonly found?: string;
  /** What was expected, e.g. `a number ≥ 0`. */
  readonly expected?: string;
  /** Extra sentence appended as is (a hint). */
  readonly hint?: string;
}

interface CatalogueEntry {
  readonly severity: Severity;
  readonly describe: (d: IssueDetails) => string;
}

const col = (d: IssueDetails): string => (d.column ? `${d.column}: ` : "");
const foundExpected = (d: IssueDetails): string =>
  [d.found !== undefined ? `found ${d.found}` : "", d.expected !== undefined ? `expected ${d.expected}` : ""]
    .filter(Boolean)
    .join("; ");
const sentence = (head: string, d: IssueDetails): string => {
  const tail = foundExpected(d);
  return `${col(d)}${head}${tail ? ` (${tail})` : ""}.${d.hint ? ` ${d.hint}` : ""}`;
};

/** One entry per code: the compiler demands a message for every code. */
const ISSUE_CATALOGUE: { readonly [K in IssueCode]: CatalogueEntry } = {
  MISSING_TABLE: { severity: "error", describe: (d) => sentence("required table is missing", d) },
  MISSING_COLUMN: { severity: "error", describe: (d) => sentence("required column is missing", d) },
  EMPTY_TABLE: { severity: "error", describe: (d) => sentence("required table has no data rows", d) },
  DUPLICATE_KEY: { severity: "error", describe: (d) => sentence("duplicate key", d) },
  DUPLICATE_COLUMN: { severity: "error", describe: (d) => sentence("column appears more than once", d) },
  UNKNOWN_REFERENCE: { severity: "error", describe: (d) => sentence("refers to something not defined", d) },
  MISSING_VALUE: { severity: "error", describe: (d) => sentence("required value is blank", d) },
  NOT_A_NUMBER: { severity: "error", describe: (d) => sentence("not a number", d) },
  NUMBER_AS_TEXT: { severity: "warning", describe: (d) => sentence("number stored as text; its value is used", d) },
  FORMULA_ERROR: { severity: "error", describe: (d) => sentence("cell holds an Excel error value", d) },
  FORMULA_NOT_CALCULATED: {
    severity: "error",
    describe: (d) =>
      `${sentence("formula saved without its computed value", d)} The program that wrote the file does not calculate formulas: open and save the file in Excel or LibreOffice, or write values instead of formulas.`,
  },
  NEGATIVE: { severity: "error", describe: (d) => sentence("must not be negative", d) },
  OUT_OF_RANGE: { severity: "error", describe: (d) => sentence("value out of range", d) },
  BAD_ENUM: { severity: "error", describe: (d) => sentence("not one of the allowed values", d) },
  BAD_DATE: { severity: "error", describe: (d) => sentence("not a valid date", d) },
  PROFILE_SUM: { severity: "error", describe: (d) => sentence("hourly shares do not sum to 1", d) },
  GENERATION_MISMATCH: { severity: "error", describe: (d) => sentence("generation mismatch", d) },
  PERCENT_AS_WHOLE: {
    severity: "warning",
    describe: (d) => sentence("fraction above 1, probably a percentage typed as a whole number", d),
  },
  UNKNOWN_COLUMN: { severity: "warning", describe: (d) => sentence("column is neither a known column nor a provider; ignored", d) },
  UNKNOWN_SETTING: { severity: "warning", describe: (d) => sentence("unknown setting; ignored", d) },
  NO_PERFORMANCE_LEVEL: { severity: "warning", describe: (d) => sentence("provider has load in this phase but no performance level", d) },
  UNUSED: { severity: "warning", describe: (d) => sentence("defined but nothing refers to it", d) },
};

/** Builds an issue with the catalogue's severity and message. */
export function makeIssue(code: IssueCode, table: string, cell: string, details: IssueDetails = {}): Issue {
  const entry = ISSUE_CATALOGUE[code];
  return { severity: entry.severity, code, table, cell, message: entry.describe(details) };
}

/** Shows a found cell value in a message: text quoted, numbers as they are. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "blank";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "object" && value !== null && "error" in value) return String((value as { error: unknown }).error);
  if (typeof value === "object" && value !== null && "formula" in value) return `the formula =${String((value as { formula: unknown }).formula)}`;
  return String(value);
}
