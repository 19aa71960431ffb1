/**
 * k6's `--summary-export` JSON: whole-run metrics (no time series). Per request name only
 * for sub-metrics the script names in thresholds (`http_reqs{name:…}`); durations in ms.
 * In that file a Rate metric counts true values as `passes`: for `http_req_failed`,
 * `passes` is the number of failed requests.
 */
import type { ParsedResults, Percentile, RequestStats } from "./harness-results";
import { resultsError } from "./harness-results";
import { isRecord, member, parseJsonText } from "./parse-json-text";

const TREND_FRACTIONS: Readonly<Record<string, number>> = { med: 0.5, max: 1 };

function trendPercentiles(trend: unknown): Percentile[] {
  if (!isRecord(trend)) return [];
  const out: Percentile[] = [];
  for (const [key, value] of Object.entries(trend)) {
    const p = /^p\((\d+(?:\.\d+)?)\)$/.exec(key);
    const fraction = p ? Number(p[1]) / 100 : TREND_FRACTIONS[key];
    if (fraction !== undefined && typeof value === "number" && Number.isFinite(value)) out.push({ fraction, seconds: value / 1000 });
  }
  return out.sort((a, b) => a.fraction - b.fraction);
}

function count(metrics: Record<string, unknown>, key: string): number | undefined {
  const c = member(metrics[key], "count");
  return typeof c === "number" && Number.isFinite(c) && c >= 0 ? c : undefined;
}

function failures(metrics: Record<string, unknown>, key: string): number | undefined {
  const f = member(metrics[key], "passes");
  return typeof f === "number" && Number.isFinite(f) && f >= 0 ? f : undefined;
}

/**
 * Parses a k6 summary export into the run's totals, and per name where sub-metrics exist.
 * @example parseK6(text).results.total.count
 */
export function parseK6(text: string): ParsedResults {
  const parsed = parseJsonText(text, "k6 --summary-export JSON");
  if ("error" in parsed) return parsed;
  const metrics = member(parsed.value, "metrics");
  if (!isRecord(metrics)) return resultsError("field 'metrics'", "expected the object of k6 metrics of a --summary-export file");
  const total = count(metrics, "http_reqs");
  if (total === undefined) return resultsError("field 'metrics.http_reqs.count'", "expected the number of HTTP requests (a k6 --summary-export of a run that made HTTP requests)");
  const names: string[] = [];
  for (const key of Object.keys(metrics)) {
    const m = /^http_reqs\{name:(.*)\}$/.exec(key);
    if (m && m[1] !== undefined) names.push(m[1]);
  }
  const stats = (name: string, suffix: string): RequestStats => ({
    name,
    count: count(metrics, `http_reqs${suffix}`) ?? 0,
    failures: failures(metrics, `http_req_failed${suffix}`) ?? 0,
    percentiles: trendPercentiles(metrics[`http_req_duration${suffix}`]),
  });
  if (failures(metrics, "http_req_failed") === undefined && metrics.http_req_failed !== undefined) {
    return resultsError("field 'metrics.http_req_failed.passes'", "expected the number of failed requests");
  }
  const duration = member(member(parsed.value, "state"), "testRunDurationMs");
  return {
    results: {
      format: "k6",
      requests: names.map((n) => stats(n, `{name:${n}}`)),
      total: stats("", ""),
      durationSeconds: typeof duration === "number" && Number.isFinite(duration) ? duration / 1000 : null,
      buckets: null,
    },
  };
}
