/**
 * The pane's order for issues: the engine's order (errors first, then as found), with the
 * issues of one table row gathered together and the one that explains the others first.
 * A profile typed in whole percentages gives 24 OUT_OF_RANGE shares and a PROFILE_SUM
 * that says why: the pane shows the PROFILE_SUM first, the 24 cells under it. Pure.
 */
import { parseA1Address, REQUIRED_TABLES, type Issue, type IssueCode } from "../engine";

/** Codes that explain the other issues of their row, most explanatory first. */
const EXPLAINS: readonly IssueCode[] = ["PROFILE_SUM", "DUPLICATE_KEY", "GENERATION_MISMATCH"];

export interface IssueGroup {
  /** The issue shown first: the one that explains the rest, else the row's first. */
  readonly lead: Issue;
  /** The row's other issues, in the engine's order. */
  readonly rest: readonly Issue[];
}

function rowKey(issue: Issue): string | undefined {
  const at = issue.cell ? parseA1Address(issue.cell) : undefined;
  return at ? `${issue.table}\u0000${at.sheet.toLowerCase()}\u0000${at.row}\u0000${issue.severity}` : undefined;
}

function rank(issue: Issue): number {
  const at = EXPLAINS.indexOf(issue.code);
  return at < 0 ? EXPLAINS.length : at;
}

/**
 * Groups issues by table row (and severity, so errors stay before warnings), in order of
 * each group's first issue; an issue without a cell is a group of its own.
 * @example groupIssues(issues)[0]?.lead.code // "PROFILE_SUM" for a row typed in percentages
 */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const groups: Issue[][] = [];
  const byRow = new Map<string, Issue[]>();
  for (const issue of issues) {
    const key = rowKey(issue);
    const existing = key === undefined ? undefined : byRow.get(key);
    if (existing) existing.push(issue);
    else {
      const group = [issue];
      groups.push(group);
      if (key !== undefined) byRow.set(key, group);
    }
  }
  return groups.map((group) => {
    const lead = group.reduce((best, i) => (rank(i) < rank(best) ? i : best));
    return { lead, rest: group.filter((i) => i !== lead) };
  });
}

/** True when the workbook has none of the model's tables: every required one missing, nothing else wrong. */
export function isBlankWorkbook(issues: readonly Issue[]): boolean {
  const missing = new Set(issues.filter((i) => i.code === "MISSING_TABLE").map((i) => i.table));
  return issues.every((i) => i.code === "MISSING_TABLE") && [...REQUIRED_TABLES].every((t) => missing.has(t));
}
