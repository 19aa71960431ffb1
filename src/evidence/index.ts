/** Test evidence: harness results in, judged against the model's requisite levels, reported. Pure. */
export * from "./harness-results";
export { parseResults } from "./parse-results";
export type { ResultsText } from "./parse-results";
export { parseLoadProfile } from "./parse-load-profile";
export { judgeEvidence } from "./judge-evidence";
export type { Evidence, EvidenceCheck, EvidenceRequest, StepEvidence, RequestEvidence, CheckKind } from "./judge-evidence";
export { buildEvidenceHtml, buildEvidenceMarkdown, buildStepChart, CHECK_TITLES, checkValue, requirementText, REPORT_STEP_CHART } from "./build-evidence-report";
export type { StepChart, StepChartLayout } from "./build-evidence-report";
export { parseEvidenceInputs, parseEvidenceResults, parseEvidenceSchedule } from "./parse-evidence-inputs";
export type { EvidenceInputs, NamedText } from "./parse-evidence-inputs";
export { percentileAtLeast, percentilesOf } from "./percentiles";
