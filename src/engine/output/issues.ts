import type { Issue } from "../model/issue";
import { formatCsv } from "./format-csv";
import type { OutputDefinition, OutputTable } from "./output-definition";

const COLUMNS = ["severity", "code", "table", "cell", "message"] as const;

/** issues.csv: errors first, then warnings, each in the order found. Written even when the model has errors. */
export function buildIssueTable(issues: readonly Issue[]): OutputTable {
  return { file: "issues.csv", columns: COLUMNS, rows: issues.map((i) => [i.severity, i.code, i.table, i.cell, i.message]) };
}

export const issuesOutput: OutputDefinition<"issues.csv"> = {
  file: "issues.csv",
  key: "issues",
  description: "validation issues",
  columns: COLUMNS,
  sheet: { name: "sctvm Issues", table: "sctvm_Issues" },
  build: ({ issues }) => buildIssueTable(issues),
  csv: ({ issues }) => formatCsv(buildIssueTable(issues)),
  explain: () => ({ error: "issues are findings, not derived figures" }),
};
