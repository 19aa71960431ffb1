/**
 * JMeter's JTL in CSV form (`jmeter -n -t plan.jmx -l results.jtl`, the default CSV
 * output with its header row): one row per sample with `timeStamp` (epoch ms at the start),
 * `elapsed` (ms), `label` (the sampler name = series name) and `success`.
 */
import type { ParsedResults, RequestStats, TimeBucket } from "./harness-results";
import { resultsError } from "./harness-results";
import { columnsOf, parseCsvRows } from "./parse-csv-rows";
import { percentilesOf } from "./percentiles";

const COLUMNS = ["timeStamp", "elapsed", "label", "success"];

/**
 * Parses a JTL CSV: counts, failures and exact percentiles per label, and completed
 * samples per second of the run (a sample counts in the second it ends).
 * @example parseJmeter(text).results.requests[0].name // "S1SP/SRV 4.6.1"
 */
export function parseJmeter(text: string): ParsedResults {
  const parsed = parseCsvRows(text);
  if ("error" in parsed) return resultsError(`line ${parsed.error.line}`, parsed.error.message);
  const [head, ...rows] = parsed.rows;
  if (!head) return resultsError("line 1", `expected a JTL CSV header (${COLUMNS.join(",")},…), found an empty file`);
  const cols = columnsOf(head.fields, COLUMNS);
  if ("missing" in cols) {
    return resultsError("line 1", `expected a JTL CSV header with ${cols.missing.map((m) => `'${m}'`).join(", ")} (save the JTL as CSV with field names), found ${head.fields.slice(0, 4).join(",")}…`);
  }
  const at = (name: string): number => cols.at.get(name) as number;
  const samples: { label: string; end: number; elapsed: number; ok: boolean }[] = [];
  for (const r of rows) {
    if (r.fields.length !== head.fields.length) return resultsError(`line ${r.line}`, `expected ${head.fields.length} fields, found ${r.fields.length} (the file looks truncated)`);
    const stamp = Number(r.fields[at("timeStamp")]);
    if (!Number.isFinite(stamp) || stamp <= 0) return resultsError(`line ${r.line}, field 'timeStamp'`, `expected epoch milliseconds, found '${r.fields[at("timeStamp")]}'`);
    const elapsed = Number(r.fields[at("elapsed")]);
    if (!Number.isFinite(elapsed) || elapsed < 0) return resultsError(`line ${r.line}, field 'elapsed'`, `expected milliseconds ≥ 0, found '${r.fields[at("elapsed")]}'`);
    const success = (r.fields[at("success")] ?? "").trim().toLowerCase();
    if (success !== "true" && success !== "false") return resultsError(`line ${r.line}, field 'success'`, `expected true or false, found '${r.fields[at("success")]}'`);
    samples.push({ label: r.fields[at("label")] ?? "", end: stamp + elapsed, elapsed, ok: success === "true" });
  }
  if (samples.length === 0) return resultsError("line 2", "expected at least one sample, found none");
  const start = Math.min(...samples.map((s) => s.end - s.elapsed));
  const end = Math.max(...samples.map((s) => s.end));
  const labels = [...new Set(samples.map((s) => s.label))];
  const stats = (name: string, of: typeof samples): RequestStats => ({
    name,
    count: of.length,
    failures: of.filter((s) => !s.ok).length,
    percentiles: percentilesOf(Float64Array.from(of, (s) => s.elapsed / 1000)),
  });
  const seconds = Math.max(1, Math.ceil((end - start) / 1000));
  const buckets: { startSeconds: number; durationSeconds: number; counts: Map<string, number> }[] = Array.from({ length: seconds }, (_, i) => ({ startSeconds: i, durationSeconds: 1, counts: new Map() }));
  for (const s of samples) {
    const b = buckets[Math.min(seconds - 1, Math.floor((s.end - start) / 1000))] as (typeof buckets)[number];
    b.counts.set(s.label, (b.counts.get(s.label) ?? 0) + 1);
    b.counts.set("", (b.counts.get("") ?? 0) + 1);
  }
  return {
    results: {
      format: "jmeter",
      requests: labels.map((l) => stats(l, samples.filter((s) => s.label === l))),
      total: stats("", samples),
      durationSeconds: (end - start) / 1000,
      buckets: buckets as TimeBucket[],
    },
  };
}
