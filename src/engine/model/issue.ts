/** Issues: bad input is a value, never an exception. */

export type Severity = "error" | "warning";

const ISSUE_CODES = [
  "MISSING_TABLE",
  "MISSING_COLUMN",
  "EMPTY_TABLE",
  "DUPLICATE_KEY",
  "DUPLICATE_COLUMN",
  "UNKNOWN_REFERENCE",
  "MISSING_VALUE",
  "NOT_A_NUMBER",
  "NUMBER_AS_TEXT",
  "FORMULA_ERROR",
  "FORMULA_NOT_CALCULATED",
  "NEGATIVE",
  "OUT_OF_RANGE",
  "BAD_ENUM",
  "BAD_DATE",
  "PROFILE_SUM",
  "GENERATION_MISMATCH",
  "PERCENT_AS_WHOLE",
  "UNKNOWN_COLUMN",
  "UNKNOWN_SETTING",
  "NO_PERFORMANCE_LEVEL",
  "UNUSED",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface Issue {
  readonly severity: Severity;
  readonly code: IssueCode;
  /** The spec's table name (e.g. `Volumes`), whatever the workbook's spelling. */
  readonly table: string;
  /** `'Sheet'!C7`; the header row's first cell for a missing column; "" where no cell applies. */
  readonly cell: string;
  readonly message: string;
}
