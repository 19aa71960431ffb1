/** What every results parser gives: achieved requests per name, timing and failures. */

export const RESULTS_FORMATS = ["artillery", "locust", "k6", "jmeter"] as const;
export type ResultsFormat = (typeof RESULTS_FORMATS)[number];

/** A response-time percentile: `fraction` of requests took at most `seconds`. */
export interface Percentile {
  readonly fraction: number;
  readonly seconds: number;
}

export interface RequestStats {
  /** The request name: the schedule series name (`provider/transaction`), or "" for the total. */
  readonly name: string;
  /** Requests completed, failed ones included. */
  readonly count: number;
  readonly failures: number;
  /** Ascending by fraction; empty when the format does not give them. */
  readonly percentiles: readonly Percentile[];
}

/** Requests completed by name in one span of the run (seconds from its start). */
export interface TimeBucket {
  readonly startSeconds: number;
  readonly durationSeconds: number;
  readonly counts: ReadonlyMap<string, number>;
}

export interface HarnessResults {
  readonly format: ResultsFormat;
  /** Per request name, in the order the file lists them. */
  readonly requests: readonly RequestStats[];
  /** The whole run as the harness reports it. */
  readonly total: RequestStats;
  /** Length of the run in seconds, where the file says. */
  readonly durationSeconds: number | null;
  /** Completed requests over time, where the format records a time series; else null. */
  readonly buckets: readonly TimeBucket[] | null;
}

/** A results file that cannot be read: where (line or field) and what was expected. */
export interface ResultsError {
  readonly where: string;
  readonly message: string;
}

export type ParsedResults = { readonly results: HarnessResults } | { readonly error: ResultsError };

export function resultsError(where: string, message: string): { error: ResultsError } {
  return { error: { where, message } };
}
