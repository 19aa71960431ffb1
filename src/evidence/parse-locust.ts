/**
 * Locust's `--csv PREFIX` output: PREFIX_stats.csv (one row per request name and method,
 * then `Aggregated`; times in milliseconds) and, optionally, PREFIX_stats_history.csv
 * (cumulative counts once a second; per name only with `--csv-full-history`).
 */
import type { HarnessResults, ParsedResults, Percentile, RequestStats, TimeBucket } from "./harness-results";
import { resultsError } from "./harness-results";
import { columnsOf, parseCsvRows } from "./parse-csv-rows";

const STATS_COLUMNS = ["Type", "Name", "Request Count", "Failure Count", "Requests/s"];
const HISTORY_COLUMNS = ["Timestamp", "Name", "Total Request Count"];
const PERCENT_HEADER = /^(\d+(?:\.\d+)?)%$/;

interface Table {
  readonly at: Map<string, number>;
  readonly header: readonly string[];
  readonly rows: { line: number; fields: string[] }[];
}

function table(text: string, file: string, wanted: readonly string[]): Table | { error: { where: string; message: string } } {
  const parsed = parseCsvRows(text);
  if ("error" in parsed) return resultsError(`${file} line ${parsed.error.line}`, parsed.error.message);
  const [head, ...rows] = parsed.rows;
  if (!head) return resultsError(`${file} line 1`, `expected Locust's header (${wanted.join(",")},…), found an empty file`);
  const cols = columnsOf(head.fields, wanted);
  if ("missing" in cols) return resultsError(`${file} line 1`, `expected column${cols.missing.length > 1 ? "s" : ""} ${cols.missing.map((m) => `'${m}'`).join(", ")} of a Locust ${file}, found ${head.fields.slice(0, 4).join(",")}…`);
  for (const r of rows) {
    if (r.fields.length !== head.fields.length) {
      return resultsError(`${file} line ${r.line}`, `expected ${head.fields.length} fields, found ${r.fields.length} (the file looks truncated or edited)`);
    }
  }
  return { at: cols.at, header: head.fields, rows };
}

function field(t: Table, row: { fields: string[] }, column: string): string {
  return row.fields[t.at.get(column) as number] ?? "";
}

function wholeNumber(t: Table, row: { line: number; fields: string[] }, column: string, file: string): number | { error: { where: string; message: string } } {
  const text = field(t, row, column).trim();
  const n = Number(text);
  if (text === "" || !Number.isInteger(n) || n < 0) return resultsError(`${file} line ${row.line}, column '${column}'`, `expected a whole number ≥ 0, found '${text}'`);
  return n;
}

function percentilesOf(t: Table, row: { fields: string[] }): Percentile[] {
  const out: Percentile[] = [];
  t.header.forEach((h, i) => {
    const m = PERCENT_HEADER.exec(h.trim());
    const text = (row.fields[i] ?? "").trim();
    if (!m || text === "" || text === "N/A") return;
    const ms = Number(text);
    if (Number.isFinite(ms)) out.push({ fraction: Number(m[1]) / 100, seconds: ms / 1000 });
  });
  return out.sort((a, b) => a.fraction - b.fraction);
}

/**
 * Parses Locust's stats CSV (and its history, when given) into achieved requests per name.
 * @example parseLocust({ stats: text }).results.total.count
 */
export function parseLocust(files: { readonly stats: string; readonly history?: string }): ParsedResults {
  const stats = table(files.stats, "stats.csv", STATS_COLUMNS);
  if ("error" in stats) return stats;
  const byName = new Map<string, RequestStats>();
  let total: RequestStats | undefined;
  let rps = 0;
  for (const row of stats.rows) {
    const count = wholeNumber(stats, row, "Request Count", "stats.csv");
    if (typeof count !== "number") return count;
    const failures = wholeNumber(stats, row, "Failure Count", "stats.csv");
    if (typeof failures !== "number") return failures;
    const name = field(stats, row, "Name");
    const entry: RequestStats = { name, count, failures, percentiles: percentilesOf(stats, row) };
    if (name === "Aggregated" && field(stats, row, "Type") === "") {
      total = { ...entry, name: "" };
      rps = Number(field(stats, row, "Requests/s"));
      continue;
    }
    const before = byName.get(name);
    // The same name under two methods: counts add; percentiles cannot, keep the worse.
    byName.set(name, before ? { name, count: before.count + count, failures: before.failures + failures, percentiles: worse(before.percentiles, entry.percentiles) } : entry);
  }
  if (!total) return resultsError(`stats.csv line ${(stats.rows.at(-1)?.line ?? 1) + 1}`, "expected the final 'Aggregated' row (the file looks truncated)");
  const durationSeconds = rps > 0 && Number.isFinite(rps) ? total.count / rps : null;
  let buckets: TimeBucket[] | null = null;
  if (files.history !== undefined) {
    const parsed = parseHistory(files.history, total, [...byName.values()], durationSeconds);
    if ("error" in parsed) return parsed;
    buckets = parsed.buckets;
  }
  const results: HarnessResults = { format: "locust", requests: [...byName.values()], total, durationSeconds, buckets };
  return { results };
}

function worse(a: readonly Percentile[], b: readonly Percentile[]): Percentile[] {
  return a.filter((p) => b.some((q) => q.fraction === p.fraction)).map((p) => ({ fraction: p.fraction, seconds: Math.max(p.seconds, b.find((q) => q.fraction === p.fraction)?.seconds ?? 0) }));
}

/** Cumulative counts per second -> buckets between samples; the tail up to the run's end from the final stats. */
function parseHistory(text: string, total: RequestStats, requests: readonly RequestStats[], durationSeconds: number | null): { buckets: TimeBucket[] } | { error: { where: string; message: string } } {
  const t = table(text, "stats_history.csv", HISTORY_COLUMNS);
  if ("error" in t) return t;
  const samples = new Map<number, Map<string, number>>();
  for (const row of t.rows) {
    const ts = wholeNumber(t, row, "Timestamp", "stats_history.csv");
    if (typeof ts !== "number") return ts;
    const count = wholeNumber(t, row, "Total Request Count", "stats_history.csv");
    if (typeof count !== "number") return count;
    const name = field(t, row, "Name");
    const key = name === "Aggregated" && field(t, row, "Type") === "" ? "" : name;
    const at = samples.get(ts) ?? new Map<string, number>();
    at.set(key, (at.get(key) ?? 0) + count);
    samples.set(ts, at);
  }
  const times = [...samples.keys()].sort((a, b) => a - b);
  const start = times[0];
  if (start === undefined) return { buckets: [] };
  const finals = new Map<string, number>([["", total.count], ...requests.map((r): [string, number] => [r.name, r.count])]);
  const perName = [...new Set(times.flatMap((ts) => [...(samples.get(ts) as Map<string, number>).keys()]))];
  const buckets: TimeBucket[] = [];
  let previous = new Map(samples.get(start) as Map<string, number>);
  let previousTime = start;
  const end = durationSeconds !== null ? Math.max(start + durationSeconds, (times.at(-1) as number) + 1) : (times.at(-1) as number) + 1;
  for (const ts of [...times.slice(1), end]) {
    const now = ts === end && !samples.has(end) ? finals : (samples.get(ts) as Map<string, number>);
    const counts = new Map<string, number>();
    for (const name of perName) counts.set(name, Math.max(0, (now.get(name) ?? previous.get(name) ?? 0) - (previous.get(name) ?? 0)));
    buckets.push({ startSeconds: previousTime - start, durationSeconds: ts - previousTime, counts });
    previous = new Map(perName.map((n) => [n, now.get(n) ?? previous.get(n) ?? 0]));
    previousTime = ts;
  }
  return { buckets: buckets.filter((b) => b.durationSeconds > 0) };
}
