import type { Schedule } from "../engine";

/** One generated file: `suffix` follows `<phase>_<provider>` (e.g. `.k6.js`). */
export interface EmittedFile {
  readonly suffix: string;
  readonly text: string;
}

/** What an emitter returns: its files and lines worth printing (rounding, equivalent profiles). */
export interface Emitted {
  readonly files: readonly EmittedFile[];
  readonly notes: readonly string[];
}

export type ExportFormatId = "csv" | "json" | "k6" | "jmeter" | "gatling" | "locust" | "artillery";

export interface ExportFormat {
  readonly id: ExportFormatId;
  /** The main file's suffix. */
  readonly suffix: string;
  readonly label: string;
  /** `base` is the sanitised `<phase>_<provider>` the files are named after. */
  readonly emit: (schedule: Schedule, base: string) => Emitted;
}
