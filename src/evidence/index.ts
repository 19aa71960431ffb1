/** Test evidence: harness results in, judged against the model's requisite levels, reported. Pure. */
export * from "./harness-results";
export { parseResults } from "./parse-results";
export type { ResultsText } from "./parse-results";
export { parseLoadProfile } from "./parse-load-profile";
export { judgeEvidence } from "./judge-evidence";
export type { Evidence, EvidenceCheck, EvidenceRequest, StepEvidence, RequestEvidence, CheckKind } from "./judge-evidence";
export { buildEvidenceHtml, buildEvidenceMarkdown, CHECK_TITLES, checkValue, requirementText } from "./build-evidence-report";
export { percentileAtLeast, percentilesOf } from "./percentiles";
