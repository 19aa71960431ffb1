/**
 * Artillery's JSON report (`artillery run --output report.json`): `aggregate` for the
 * whole run and `intermediate` for each 10-second period. Per request name from the
 * metrics-by-endpoint plugin, whose keys read `{url} ({name})` (or just `{name}` with
 * `useOnlyRequestNames`); times in milliseconds.
 */
import type { ParsedResults, Percentile, RequestStats, TimeBucket } from "./harness-results";
import { resultsError } from "./harness-results";
import { isRecord, member, parseJsonText } from "./parse-json-text";

const ENDPOINT = "plugins.metrics-by-endpoint.";
const RESPONSE_TIME = `${ENDPOINT}response_time.`;
const SUMMARY_FRACTIONS: Readonly<Record<string, number>> = { p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95, p99: 0.99, p999: 0.999, max: 1 };

/** The request name inside an endpoint key: the balanced `(…)` at its end after a URL, else the whole key. */
export function endpointName(key: string): string {
  if (!key.startsWith("/") && !/^https?:/.test(key)) return key;
  if (!key.endsWith(")")) return key;
  let depth = 0;
  for (let i = key.length - 1; i >= 0; i--) {
    const c = key.charAt(i);
    if (c === ")") depth++;
    else if (c === "(" && --depth === 0) return i >= 1 && key.charAt(i - 1) === " " ? key.slice(i + 1, -1) : key;
  }
  return key;
}

interface Tally {
  count: number;
  failures: number;
}

/** Per name (and "" for the whole), requests completed and failed, from one counters object. */
function tally(counters: Record<string, unknown>): Map<string, Tally> {
  const out = new Map<string, Tally>();
  const add = (name: string, n: number, failed: boolean): void => {
    const t = out.get(name) ?? { count: 0, failures: 0 };
    t.count += n;
    if (failed) t.failures += n;
    out.set(name, t);
  };
  for (const [key, value] of Object.entries(counters)) {
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    const code = /^http\.codes\.(\d+)$/.exec(key);
    if (code) add("", value, Number(code[1]) >= 400);
    else if (key.startsWith("errors.")) add("", value, true);
    else if (key.startsWith(ENDPOINT) && !key.startsWith(RESPONSE_TIME)) {
      const rest = key.slice(ENDPOINT.length);
      const endpointCode = /^(.*)\.codes\.(\d+)$/.exec(rest);
      const endpointError = /^(.*)\.errors\.[^.]+$/.exec(rest);
      if (endpointCode?.[1] !== undefined) add(endpointName(endpointCode[1]), value, Number(endpointCode[2]) >= 400);
      else if (endpointError?.[1] !== undefined) add(endpointName(endpointError[1]), value, true);
    }
  }
  return out;
}

function summaryPercentiles(summary: unknown): Percentile[] {
  if (!isRecord(summary)) return [];
  const out: Percentile[] = [];
  for (const [key, fraction] of Object.entries(SUMMARY_FRACTIONS)) {
    const ms = summary[key];
    if (typeof ms === "number" && Number.isFinite(ms)) out.push({ fraction, seconds: ms / 1000 });
  }
  return out.sort((a, b) => a.fraction - b.fraction);
}

/**
 * Parses an Artillery JSON report into achieved requests per name and per 10-second period.
 * @example parseArtillery(text).results.requests.map((r) => r.name) // ["S1SP/SRV 4.6.1"]
 */
export function parseArtillery(text: string): ParsedResults {
  const parsed = parseJsonText(text, "an Artillery JSON report (artillery run --output)");
  if ("error" in parsed) return parsed;
  const aggregate = member(parsed.value, "aggregate");
  if (!isRecord(aggregate)) return resultsError("field 'aggregate'", "expected the aggregate metrics of an Artillery JSON report (artillery run --output)");
  const counters = aggregate.counters;
  if (!isRecord(counters)) return resultsError("field 'aggregate.counters'", "expected the run's counters (http.requests, http.codes.…)");
  if (typeof counters["http.requests"] !== "number") return resultsError("field 'aggregate.counters.http.requests'", "expected the number of HTTP requests (a run of an HTTP scenario)");
  const summaries = isRecord(aggregate.summaries) ? aggregate.summaries : {};
  const tallies = tally(counters);
  const percentilesByName = new Map<string, Percentile[]>();
  for (const [key, summary] of Object.entries(summaries)) {
    if (key.startsWith(RESPONSE_TIME)) percentilesByName.set(endpointName(key.slice(RESPONSE_TIME.length)), summaryPercentiles(summary));
  }
  const stats = (name: string): RequestStats => ({
    name,
    count: tallies.get(name)?.count ?? 0,
    failures: tallies.get(name)?.failures ?? 0,
    percentiles: name === "" ? summaryPercentiles(summaries["http.response_time"]) : percentilesByName.get(name) ?? [],
  });
  const first = aggregate.firstCounterAt;
  const last = aggregate.lastCounterAt;
  const start = typeof first === "number" ? first : null;
  const durationSeconds = start !== null && typeof last === "number" ? (last - start) / 1000 : null;
  const intermediate = member(parsed.value, "intermediate");
  let buckets: TimeBucket[] | null = null;
  if (Array.isArray(intermediate) && start !== null) {
    buckets = [];
    for (const [i, period] of intermediate.entries()) {
      const at = Number(member(period, "period"));
      const c = member(period, "counters");
      if (!Number.isFinite(at) || !isRecord(c)) return resultsError(`field 'intermediate[${i}]'`, "expected a period with 'period' (epoch ms) and 'counters'");
      const from = Math.max(at, start);
      const to = Math.max(from, Math.min(at + 10_000, typeof last === "number" ? last : at + 10_000));
      const counts = new Map([...tally(c)].map(([name, t]): [string, number] => [name, t.count]));
      buckets.push({ startSeconds: (from - start) / 1000, durationSeconds: Math.max(to - from, 1) / 1000, counts });
    }
    buckets.sort((a, b) => a.startSeconds - b.startSeconds);
  }
  const names = [...tallies.keys()].filter((n) => n !== "");
  return { results: { format: "artillery", requests: names.map(stats), total: stats(""), durationSeconds, buckets } };
}
