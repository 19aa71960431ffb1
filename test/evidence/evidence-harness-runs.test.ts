/**
 * `sctvm evidence` on real result files: the sample's FOC S1SP profile (hours 4–6, 10 s per
 * hour, scale as the export tests use) exported as Artillery and Locust scripts plus the JSON load profile, run
 * against a counting server on 127.0.0.1, then judged by the CLI (node bin/sctvm.js).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildExports, exportFormat, parseExportOptions, type ExportFormatId } from "../../src/export";
import type { Evidence } from "../../src/evidence";
import { startCountingServer, type CountingServer } from "../support/counting-server";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { killHarnesses, runHarness } from "../support/harness-run";
import { linesOf, makeTempDir, runProcess } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";
import { loadSampleAnalysis } from "../taskpane/sample-analysis";
import { HARNESS_OPTIONS } from "../export/harness-profile";
import { DEBIAN_PYTHON } from "../support/debian-python";

const ARTILLERY = join(__dirname, "../../node_modules/.bin/artillery");
const LOCUST_WRAPPER = join(__dirname, "../support/locust-wrapper.py");
jest.setTimeout(180_000);

let server: CountingServer;
beforeAll(() => ensureCliBuilt());
beforeEach(async () => (server = await startCountingServer()));
afterEach(async () => {
  killHarnesses();
  await server.close();
});

/** The harness script and the JSON load profile of FOC S1SP, in a fresh folder. */
async function exportWithProfile(format: ExportFormatId): Promise<{ dir: string; remove: () => void; script: string; profile: string }> {
  const { model, results, analysis } = await loadSampleAnalysis();
  const parsed = parseExportOptions({ ...HARNESS_OPTIONS, target: server.url });
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const formats = [exportFormat(format), exportFormat("json")].map((f) => {
    if (!f) throw new Error(format);
    return f;
  });
  const out = buildExports({ model, results, fingerprint: analysis.fingerprint ?? "", phase: "FOC", provider: "S1SP", formats, options: parsed.options });
  if (!out.ok) throw new Error(out.error);
  const { dir, remove } = makeTempDir(`evidence-${format}`);
  for (const f of out.result.files) writeFileSync(join(dir, f.name), f.text);
  const name = (suffix: string): string => out.result.files.find((f) => f.name.endsWith(suffix))?.name ?? "";
  return { dir, remove, script: name(format === "artillery" ? ".artillery.yml" : ".locustfile.py"), profile: name(".json") };
}

function readEvidence(dir: string): Evidence {
  return JSON.parse(readFileSync(join(dir, "evidence", "evidence.json"), "utf8")) as Evidence;
}

/**
 * Requests the server saw but the harness never recorded must be 0 … `inFlight`: Locust stops
 * its users when the shape ends, and a request then on the wire reaches the server but not
 * the stats (seen under load: one of ~1,090); Artillery waits for its responses (0).
 */
function expectCounted(counted: number, arrivals: number, inFlight: number): void {
  expect(arrivals - counted).toBeGreaterThanOrEqual(0);
  expect(arrivals - counted).toBeLessThanOrEqual(inFlight);
}

/** What every real run must show: all arrivals counted, steps near plan, a report, NOT MET at a fraction of the rates. */
function expectJudged(e: Evidence, arrivals: number, run: { code: number; stdout: string; stderr: string }, inFlight = 0): void {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: "" });
  expectCounted(e.total.count, arrivals, inFlight);
  expect(e.total.failures).toBe(0);
  expect(e.requests.reduce((a, r) => a + r.count, 0)).toBe(e.total.count);
  // The run plays a fraction of the model's rates: the hourly level (peak × 1.2) cannot be met.
  const perHour = e.checks.find((c) => c.kind === "per_hour");
  expect(perHour?.met).toBe(false);
  expect(perHour?.achieved).toBeGreaterThan(0);
  expect(e.checks.find((c) => c.kind === "error_rate")).toMatchObject({ achieved: 0, met: true });
  expect(e.verdict).toBe("NOT_MET");
  expect(e.options).toMatchObject({ secondsPerHour: Number(HARNESS_OPTIONS.secondsPerHour), scale: Number(HARNESS_OPTIONS.scale), hours: { from: 4, to: 6 } });
  expect(linesOf(run.stdout).at(-1)).toMatch(/^NOT MET: S1SP in FOC; report in .*evidence\.html/);
}

describe("sctvm evidence on real harness runs", () => {
  it("reads Artillery's JSON report: every request counted, per-step counts near the schedule", async () => {
    const { dir, remove, script, profile } = await exportWithProfile("artillery");
    const run = await runHarness(ARTILLERY, ["run", "--quiet", "--output", "report.json", script], dir, 120_000, { ARTILLERY_DISABLE_TELEMETRY: "true" });
    expect({ code: run.code, tail: run.code === 0 ? "" : run.output.slice(-2000) }).toEqual({ code: 0, tail: "" });
    const cli = await runProcess(["evidence", SAMPLE_XLSX, "--results", "report.json", "--format", "artillery", "--phase", "FOC", "--provider", "S1SP", "--schedule", profile, "--out", "evidence"], dir);
    const e = readEvidence(dir);
    expectJudged(e, server.arrivals.length, cli);
    // Artillery reports 10-second periods on the wall clock: a step's count is shared out
    // by overlap, so compare the whole run and the busiest step loosely.
    const planned = e.steps.reduce((a, s) => a + s.plannedCount, 0);
    const achieved = e.steps.reduce((a, s) => a + (s.achievedCount ?? 0), 0);
    expect(achieved).toBeGreaterThan(planned * 0.8);
    expect(achieved).toBeLessThan(planned * 1.2);
    remove();
  });

  it("reads Locust's stats and full history CSVs: per-name counts and per-step counts", async () => {
    const { dir, remove, script, profile } = await exportWithProfile("locust");
    const run = await runHarness(DEBIAN_PYTHON, [LOCUST_WRAPPER, "-f", script, "--headless", "--only-summary", "--loglevel", "WARNING", "--csv", "run", "--csv-full-history"], dir, 100_000);
    expect({ code: run.code, tail: run.code === 0 ? "" : run.output.slice(-2000) }).toEqual({ code: 0, tail: "" });
    const cli = await runProcess(["evidence", SAMPLE_XLSX, "--results", "run_stats.csv", "--format", "locust", "--phase", "FOC", "--provider", "S1SP", "--schedule", profile, "--out", "evidence"], dir);
    const e = readEvidence(dir);
    // At most one request per user can be cut off at the end: the script's largest STEP_USERS.
    const users = Math.max(...(/^STEP_USERS = \[([\d, ]+)\]$/m.exec(readFileSync(join(dir, script), "utf8"))?.[1] ?? "").split(",").map(Number));
    expect(users).toBeGreaterThan(0);
    expectJudged(e, server.arrivals.length, cli, users);
    const arrivalsByName = new Map<string, number>();
    const schedule = JSON.parse(readFileSync(join(dir, profile), "utf8")) as { series: { name: string; url: string }[] };
    for (const a of server.arrivals) {
      const s = schedule.series.find((x) => decodeURIComponent(new URL(x.url).pathname) === a.path);
      if (s) arrivalsByName.set(s.name, (arrivalsByName.get(s.name) ?? 0) + 1);
    }
    for (const r of e.requests) expectCounted(r.count, arrivalsByName.get(r.name) ?? 0, users);
    const html = readFileSync(join(dir, "evidence", "evidence.html"), "utf8");
    expect(html).toContain(e.model.fingerprint);
    remove();
  });
});
