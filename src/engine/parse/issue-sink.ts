import type { Issue, IssueCode } from "../model/issue";
import { makeIssue, type IssueDetails } from "../validate/issue-catalogue";

/** Collects every issue; parsing never stops at the first. */
export class IssueSink {
  readonly issues: Issue[] = [];

  add(code: IssueCode, table: string, cell: string, details: IssueDetails = {}): void {
    this.issues.push(makeIssue(code, table, cell, details));
  }

  get errorCount(): number {
    let n = 0;
    for (const i of this.issues) if (i.severity === "error") n++;
    return n;
  }
}
