/**
 * The files of one evidence run, as text with the names a person knows them by, parsed
 * into harness results and the schedule (or the one line saying which file, which line or
 * field, what was expected). The CLI and the add-in both read files their own way and
 * hand them here, so both say the same thing about the same file.
 */
import type { Schedule } from "../engine";
import type { HarnessResults, ResultsError, ResultsFormat } from "./harness-results";
import { parseLoadProfile } from "./parse-load-profile";
import { parseResults } from "./parse-results";

/** A file's text and the name to show for it (a path in the CLI, a file name in the pane). */
export interface NamedText {
  readonly name: string;
  readonly text: string;
}

export interface EvidenceInputs {
  readonly format: ResultsFormat;
  readonly results: NamedText;
  /** Locust's PREFIX_stats_history.csv, when there is one. */
  readonly history?: NamedText;
  /** The load profile the run was driven by (`sctvm export --format json`). */
  readonly schedule?: NamedText;
}

/** Where a Locust error lies: the parser names the stats file it read as `stats.csv` / `stats_history.csv`. */
function resultsWhere(inputs: Pick<EvidenceInputs, "results" | "history">, error: ResultsError): string {
  if (inputs.history && error.where.startsWith("stats_history.csv")) return `${inputs.history.name}: ${error.where.replace(/^stats_history\.csv\s*/, "")}`;
  return `${inputs.results.name}: ${error.where.replace(/^stats\.csv\s*/, "")}`;
}

/** Parses the results file (Locust: with its history), or gives the one line about it. */
export function parseEvidenceResults(inputs: Pick<EvidenceInputs, "format" | "results" | "history">): { harness: HarnessResults } | { error: string } {
  const parsed = parseResults(inputs.format, { text: inputs.results.text, history: inputs.format === "locust" ? inputs.history?.text : undefined });
  if ("error" in parsed) return { error: `${resultsWhere(inputs, parsed.error)}: ${parsed.error.message}` };
  return { harness: parsed.results };
}

/** Parses the schedule (a load-profile JSON), or gives the one line about it. */
export function parseEvidenceSchedule(schedule: NamedText): { schedule: Schedule } | { error: string } {
  const s = parseLoadProfile(schedule.text);
  return "error" in s ? { error: `${schedule.name}: ${s.error.where}: ${s.error.message}` } : s;
}

/**
 * Parses the results, then the schedule when given.
 * @example parseEvidenceInputs({ format: "k6", results: { name: "summary.json", text } }).harness?.total.count
 */
export function parseEvidenceInputs(inputs: EvidenceInputs): { harness: HarnessResults; schedule: Schedule | null } | { error: string } {
  const r = parseEvidenceResults(inputs);
  if ("error" in r) return r;
  if (!inputs.schedule) return { harness: r.harness, schedule: null };
  const s = parseEvidenceSchedule(inputs.schedule);
  return "error" in s ? s : { harness: r.harness, schedule: s.schedule };
}
