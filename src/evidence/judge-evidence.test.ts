import { analyseWorkbook, buildSchedule, DEFAULT_SCHEDULE_OPTIONS, type Schedule } from "../engine";
import { tablesToGrids } from "../../test/support/arbitrary-model";
import { handTables, type Tables } from "../../test/support/compare-pairs";
import type { Rows } from "../../test/support/model-grids";
import type { HarnessResults } from "./harness-results";
import { judgeEvidence, type Evidence } from "./judge-evidence";
import { parseJmeter } from "./parse-jmeter";

/**
 * The hand model's IOC S1SP: Alert, 250 an hour at 09:00 and 750 at 10:00; level 1e6/h with
 * (here) PeakPerSecond 1, a 0.2 s target at the 90th percentile and 1% of errors allowed.
 * So required_per_hour = 750 and required_per_second = 750 / 3600 = 0.2083.
 */
function levelTables(): Tables {
  const t = handTables();
  t.PerformanceLevels = [
    ["Provider", "Phase", "CapacityPerHour", "PeakPerSecond", "TargetResponseSeconds", "Percentile", "MaxErrorRate"],
    ["DSP", null, 1e6, null, null, null, null],
    ["S1SP", null, 1e6, 1, 0.2, 0.9, 0.01],
  ];
  return t;
}

function setup(tables: Tables = levelTables()) {
  const a = analyseWorkbook(tablesToGrids(tables as Record<string, Rows>));
  if (!a.model || !a.results || !a.fingerprint) throw new Error(a.issues[0]?.message);
  // Hours 9–10 played 10 s each at scale 100: planned 69.4 then 208.3 requests.
  const schedule = buildSchedule({ model: a.model, results: a.results, fingerprint: a.fingerprint, phase: 0, provider: 1, options: { ...DEFAULT_SCHEDULE_OPTIONS, hours: { from: 9, to: 10 }, secondsPerHour: 10, scale: 100 } });
  return { a, schedule };
}

/** A JTL with `perSecond[s]` samples ending in second s, `failures` of them failed, each taking `ms`. */
function jtl(perSecond: readonly number[], failures = 0, ms = 150, label = "S1SP/Alert"): HarnessResults {
  const lines = ["timeStamp,elapsed,label,responseCode,success"];
  let failed = 0;
  perSecond.forEach((n, s) => {
    for (let k = 0; k < n; k++) {
      const ok = failed++ >= failures;
      lines.push(`${1_800_000_000_000 + s * 1000 + k * 10},${ms},${label},${ok ? 200 : 500},${ok}`);
    }
  });
  const p = parseJmeter(lines.join("\n"));
  if ("error" in p) throw new Error(p.error.message);
  return p.results;
}

function judge(harness: HarnessResults, schedule: Schedule | null, tables?: Tables): Evidence {
  const { a } = setup(tables);
  const e = judgeEvidence({ model: a.model!, results: a.results!, fingerprint: a.fingerprint!, phase: 0, provider: 1, schedule, harness });
  if ("error" in e) throw new Error(e.error);
  return e;
}

const check = (e: Evidence, kind: string) => e.checks.find((c) => c.kind === kind);

describe("judgeEvidence", () => {
  it("plans the hand schedule as derived by hand", () => {
    const { schedule } = setup();
    expect(schedule.steps.map((s) => s.hour)).toEqual([9, 10]);
    expect(schedule.series.map((s) => s.name)).toEqual(["S1SP/Alert"]);
    expect(schedule.series[0]!.rates.map((r) => r.expectedCount)).toEqual([expect.closeTo(2500 / 36, 9), expect.closeTo(7500 / 36, 9)]);
  });

  it("MET: 21 a second in the busy step is 756 model requests an hour ≥ 750, p90 0.15 s ≤ 0.2 s, 2 of 280 failed ≤ 1%", () => {
    const { schedule } = setup();
    const e = judge(jtl([...Array(10).fill(7), ...Array(10).fill(21)], 2), schedule);
    expect(check(e, "per_hour")).toMatchObject({ required: 750, achieved: expect.closeTo(756, 9), met: true });
    expect(check(e, "per_second")).toMatchObject({ required: expect.closeTo(750 / 3600, 12), achieved: 0.21, met: true });
    expect(check(e, "response_time")).toMatchObject({ required: 0.2, achieved: 0.15, met: true });
    expect(check(e, "error_rate")).toMatchObject({ required: 0.01, achieved: 2 / 280, met: true });
    expect(e.verdict).toBe("MET");
    expect(e.steps.map((s) => [s.hour, s.plannedCount, s.achievedCount])).toEqual([
      [9, expect.closeTo(2500 / 36, 9), 70],
      [10, expect.closeTo(7500 / 36, 9), 210],
    ]);
    expect(e.total).toMatchObject({ count: 280, failures: 2 });
    expect(e.requests).toEqual([expect.objectContaining({ name: "S1SP/Alert", count: 280 })]);
  });

  it("NOT MET on throughput: 20 a second is 720 an hour < 750", () => {
    const { schedule } = setup();
    const e = judge(jtl([...Array(10).fill(7), ...Array(10).fill(20)]), schedule);
    expect(check(e, "per_hour")).toMatchObject({ achieved: expect.closeTo(720, 9), met: false });
    expect(e.verdict).toBe("NOT_MET");
  });

  it("NOT MET on response time and on errors", () => {
    const { schedule } = setup();
    const e = judge(jtl([...Array(10).fill(7), ...Array(10).fill(21)], 3, 250), schedule);
    expect(check(e, "response_time")).toMatchObject({ achieved: 0.25, met: false });
    expect(check(e, "error_rate")).toMatchObject({ achieved: 3 / 280, met: false });
    expect(e.verdict).toBe("NOT_MET");
  });

  it("divides by BurstFactor for the hourly figure of a burst run", () => {
    const t = levelTables();
    (t.Settings as Rows).push(["BurstFactor", 2]);
    const a = analyseWorkbook(tablesToGrids(t as Record<string, Rows>));
    const schedule = buildSchedule({ model: a.model!, results: a.results!, fingerprint: a.fingerprint!, phase: 0, provider: 1, options: { ...DEFAULT_SCHEDULE_OPTIONS, hours: { from: 9, to: 10 }, secondsPerHour: 10, scale: 100, burst: true } });
    const e = judge(jtl([...Array(10).fill(14), ...Array(10).fill(42)]), schedule, t);
    // 42/s ÷ scale 100 = 0.42/s ≥ 750 × 2 / 3600; per hour 42 × 3600 / (100 × 2) = 756.
    expect(check(e, "per_hour")).toMatchObject({ achieved: expect.closeTo(756, 9), met: true });
    expect(check(e, "per_second")).toMatchObject({ required: expect.closeTo(1500 / 3600, 12), achieved: expect.closeTo(0.42, 12), met: true });
  });

  it("without a schedule takes the run as real time at scale 1 and says so", () => {
    const e = judge(jtl([1, 1]), null);
    expect(e.scheduleGiven).toBe(false);
    expect(e.steps).toEqual([]);
    // Two samples over 1.15 s (the second ends 150 ms into second 1): the mean rate, real time.
    expect(check(e, "per_hour")!.achieved).toBeCloseTo((2 / 1.15) * 3600, 6);
    expect(e.notes.join(" ")).toMatch(/No --schedule given/);
  });

  it("leaves out requests of another provider and notes them", () => {
    const { schedule } = setup();
    const mixed = jtl([5, 5], 0, 150, "DSP/Read");
    const e = judge(mixed, schedule);
    expect(e.total.count).toBe(0);
    expect(check(e, "error_rate")).toMatchObject({ achieved: null, met: false });
    expect(e.notes.join(" ")).toMatch(/not S1SP's series in the schedule/);
  });

  it("refuses to judge a provider with no level", () => {
    const t = levelTables();
    t.PerformanceLevels = [["Provider", "Phase", "CapacityPerHour"], ["DSP", null, 1e6]];
    const a = analyseWorkbook(tablesToGrids(t as Record<string, Rows>));
    const e = judgeEvidence({ model: a.model!, results: a.results!, fingerprint: a.fingerprint!, phase: 0, provider: 1, schedule: null, harness: jtl([1]) });
    expect(e).toEqual({ error: expect.stringMatching(/no PerformanceLevels row applies to S1SP in IOC/) });
  });
});
