/**
 * The engine's public face. Pure: grids in, model + issues + results out.
 * No Office, DOM, fs or clock anywhere under src/engine.
 */
export * from "./model/grid";
export * from "./model/types";
export * from "./model/issue";
export * from "./model/results";
export { a1Address, parseA1Address, parseCellRef, columnLetters, columnIndex } from "./model/a1";
export { exhaustive } from "./model/exhaustive";
export { foldKey } from "./parse/cell-values";
export { driverOf } from "./derive/driver-of";
export type { Driver, DriverColumn } from "./derive/driver-of";
export { planReads } from "./parse/locate-tables";
export { TABLE_NAMES, REQUIRED_TABLES, HOUR_COLUMNS, TABLE_COLUMNS, specColumns, requiredColumns } from "./model/tables";
export type { TableName, SpecColumn } from "./model/tables";
export { analyseWorkbook } from "./analyse-workbook";
export type { Analysis, AnalyseOptions, TooLarge } from "./analyse-workbook";
export type { Sha256Hex } from "./fingerprint/fingerprint-model";
export { estimateDerivation, type DerivationEstimate } from "./derive/estimate-derivation";
export { OUTPUT_FILES } from "./output/output-files";
export type { OutputFile } from "./output/output-files";
export { OUTPUTS, OUTPUT_LIST, outputOf, buildOutputTables, formatOutputCsv } from "./output/outputs";
export type { CsvFile } from "./output/outputs";
export { buildIssueTable } from "./output/issues";
export type { OutputTable, OutputCell, OutputDefinition, OutputInput, OutputCellQuery } from "./output/output-definition";
export { formatCsv, formatNumber } from "./output/format-csv";
export { SERIES_BLOCK, seriesCount, seriesCsvHeader, seriesLinesBytes, seriesTableCsvChunks } from "./output/rates-series";
export type { SeriesPrinter } from "./output/rates-series";
export type { SeriesTable } from "./output/rates-series";
export { explainHour } from "./explain/explain";
export { explainSummary } from "./explain/explain-summary";
export { formatExplanation } from "./explain/format-explanation";
export { explainOutputCell } from "./explain/explain-output-cell";
export { explainSummaryCell } from "./explain/explain-summary-cell";
export type { StatusExplanation, SummaryCellColumn } from "./explain/explain-summary-cell";
export { statusChecks } from "./check/status-checks";
export type { StatusCheck } from "./check/status-checks";
export type { Explanation, ExplainError, ExplainTerm, ExplainInput, HourQuery, SummaryField } from "./explain/explain";
export * from "./schedule";
export { compareModels, resolvePhasePairs } from "./compare/compare-models";
export type { AnalysedModel, PhasePair } from "./compare/compare-models";
export * from "./compare/compare-types";
export { buildCompareTables, MEASURE_NAMES } from "./compare/build-compare-tables";
export type { CompareTable } from "./compare/build-compare-tables";
export { buildBaselineSnapshot, parseBaselineSnapshot, BASELINE_FORMAT, BASELINE_VERSION } from "./compare/baseline-snapshot";
export type { BaselineSnapshot } from "./compare/baseline-snapshot";
export { buildPhaseMapping, phasePairsOf } from "./compare/phase-mapping";
export type { PhaseChoice } from "./compare/phase-mapping";
