export * from "./export-format";
export { EXPORT_FORMATS, exportFormat, parseFormatList } from "./export-formats";
export { buildExports } from "./build-exports";
export type { ExportRequest, ExportFile, ExportResult, ExportOutcome } from "./build-exports";
export { parseExportOptions } from "./parse-export-options";
export type { RawExportOptions, ParsedExportOptions } from "./parse-export-options";
