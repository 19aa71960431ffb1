/**
 * `sctvm evidence` exit codes and messages (node bin/sctvm.js) on a hand workbook, a
 * generated JTL and JSON load profile, and the hand-checked k6 sample.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook, buildSchedule, DEFAULT_SCHEDULE_OPTIONS } from "../../src/engine";
import { emitJson } from "../../src/export/json/emit-json";
import { tablesToGrids } from "../support/arbitrary-model";
import { handTables, writeTablesWorkbook, type Tables } from "../support/compare-pairs";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import type { Rows } from "../support/model-grids";
import { linesOf, makeTempDir, runProcess } from "../support/run-cli";

jest.setTimeout(120_000);
const FIXTURES = join(__dirname, "../fixtures/results");
let dir: string;
let remove: () => void;

/** The hand model with a level for S1SP: 750/h required in IOC, 0.2 s at p90, 1% errors. */
function levelTables(): Tables {
  const t = handTables();
  t.PerformanceLevels = [
    ["Provider", "Phase", "CapacityPerHour", "TargetResponseSeconds", "Percentile", "MaxErrorRate"],
    ["DSP", null, 1e6, null, null, null],
    ["S1SP", null, 1e6, 0.2, 0.9, 0.01],
  ];
  return t;
}

/** JTL rows: `perSecond[s]` samples of S1SP/Alert ending in second s, 150 ms each. */
function jtl(perSecond: readonly number[]): string {
  const lines = ["timeStamp,elapsed,label,responseCode,success"];
  perSecond.forEach((n, s) => {
    for (let k = 0; k < n; k++) lines.push(`${1_800_000_000_000 + s * 1000 + k * 10},150,S1SP/Alert,200,true`);
  });
  return `${lines.join("\n")}\n`;
}

beforeAll(async () => {
  ensureCliBuilt();
  ({ dir, remove } = makeTempDir("evidence-cli"));
  await writeTablesWorkbook(join(dir, "hand.xlsx"), levelTables());
  const broken = levelTables();
  (broken.Volumes as Rows)[1]![2] = "many";
  await writeTablesWorkbook(join(dir, "broken.xlsx"), broken);
  const a = analyseWorkbook(tablesToGrids(levelTables() as Record<string, Rows>));
  const schedule = buildSchedule({ model: a.model!, results: a.results!, fingerprint: a.fingerprint!, phase: 0, provider: 1, options: { ...DEFAULT_SCHEDULE_OPTIONS, hours: { from: 9, to: 10 }, secondsPerHour: 10, scale: 100 } });
  writeFileSync(join(dir, "IOC_S1SP.json"), emitJson(schedule).files[0]!.text);
  writeFileSync(join(dir, "met.jtl"), jtl([...Array(10).fill(7), ...Array(10).fill(21)]));
  writeFileSync(join(dir, "short.jtl"), jtl([...Array(10).fill(7), ...Array(10).fill(20)]));
  writeFileSync(join(dir, "cut.json"), readFileSync(join(FIXTURES, "artillery-report.json"), "utf8").slice(0, 500));
});
afterAll(() => remove());

const args = (results: string, format: string, ...more: string[]): string[] => ["evidence", "hand.xlsx", "--results", results, "--format", format, "--phase", "IOC", "--provider", "S1SP", "--out", "ev", ...more];

describe("sctvm evidence", () => {
  it("exits 0 MET when the run meets the level, and writes the three report files", async () => {
    const run = await runProcess(args("met.jtl", "jmeter", "--schedule", "IOC_S1SP.json"), dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(linesOf(run.stdout)).toEqual([
      expect.stringMatching(/^PASS  Throughput per hour: required ≥ 750 \/h, achieved 756 \/h \(busiest step of the schedule/),
      "PASS  Response time: required ≤ 0.2 s, achieved 0.15 s (90th percentile)",
      "PASS  Error rate: required ≤ 1%, achieved 0% (0 failed of 280 requests)",
      expect.stringMatching(/^MET: S1SP in IOC; report in .*evidence\.html and evidence\.md$/),
    ]);
    const md = readFileSync(join(dir, "ev", "evidence.md"), "utf8");
    expect(md).toContain("**Verdict: MET** — 3 of 3 requisite-level checks pass.");
    expect(md).toMatch(/\| 10 \| 10 \| 10 \| 208\.3 \| 210 \|/);
    expect(readFileSync(join(dir, "ev", "evidence.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("exits 1 NOT MET when the busiest step falls short (720 < 750 an hour)", async () => {
    const run = await runProcess(args("short.jtl", "jmeter", "--schedule", "IOC_S1SP.json"), dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL  Throughput per hour: required ≥ 750 \/h, achieved 720 \/h/m);
    expect(linesOf(run.stdout).at(-1)).toMatch(/^NOT MET: S1SP in IOC/);
  });

  it("judges the hand-checked k6 summary (no time series: the run's mean rate, real time without --schedule)", async () => {
    const run = await runProcess(args(join(FIXTURES, "k6-summary.json"), "k6"), dir);
    expect(run.code).toBe(0);
    // 1200 requests in 60.0125 s = 71,985 an hour; p90 80.5 ms; 6 of 1200 failed = 0.5%.
    expect(linesOf(run.stdout)).toEqual([
      "PASS  Throughput per hour: required ≥ 750 /h, achieved 71,985 /h (mean over the whole run: requests per second × 3600 ÷ scale 1)",
      expect.stringMatching(/^PASS  Response time: required ≤ 0\.2 s, achieved 0\.08\d? s \(90th percentile\)$/),
      "PASS  Error rate: required ≤ 1%, achieved 0.5% (6 failed of 1200 requests)",
      "note: No --schedule given: the run is taken as real time (one model hour = 3600 s) at scale 1 without burst.",
      expect.stringMatching(/^MET: S1SP in IOC/),
    ]);
  });

  it("exits 3 with one line naming the file and the line for a truncated results file", async () => {
    const run = await runProcess(args("cut.json", "artillery"), dir);
    expect(run.code).toBe(3);
    expect(linesOf(run.stderr)).toEqual([expect.stringMatching(/^sctvm: cut\.json: line \d+: expected an Artillery JSON report .* the JSON ends early \(the file looks truncated\)$/)]);
  });

  it("exits 3 for a missing results file, a wrong format name and a schedule for another provider", async () => {
    const missing = await runProcess(args("nope.json", "artillery"), dir);
    expect([missing.code, linesOf(missing.stderr)]).toEqual([3, [expect.stringMatching(/^sctvm: .*nope\.json: cannot read the results file \(no such file\)$/)]]);
    const format = await runProcess(args("met.jtl", "gatling"), dir);
    expect([format.code, linesOf(format.stderr)]).toEqual([3, ["sctvm: --format must be one of artillery, locust, k6, jmeter, got 'gatling'"]]);
    const other = await runProcess(["evidence", "hand.xlsx", "--results", "met.jtl", "--format", "jmeter", "--phase", "IOC", "--provider", "DSP", "--schedule", "IOC_S1SP.json", "--out", "ev2"], dir);
    expect([other.code, linesOf(other.stderr)]).toEqual([3, ["sctvm: --schedule is for IOC S1SP, not IOC DSP"]]);
  });

  it("exits 2 when the model has errors", async () => {
    const run = await runProcess(["evidence", "broken.xlsx", "--results", "met.jtl", "--format", "jmeter", "--phase", "IOC", "--provider", "S1SP", "--out", "ev3"], dir);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr).at(-1)).toBe("sctvm: 1 error(s) in broken.xlsx: nothing to judge against");
  });
});
