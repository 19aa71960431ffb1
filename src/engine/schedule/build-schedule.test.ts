import fc from "fast-check";
import { analyseWorkbook, buildOutputTables, buildSchedule, DEFAULT_SCHEDULE_OPTIONS, scheduleHours, type Analysis, type ScheduleOptions } from "..";
import { arbitraryModelTables, tablesToGrids } from "../../../test/support/arbitrary-model";
import { buildGrids, shares } from "../../../test/support/model-grids";

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

type Computed = Required<Pick<Analysis, "model" | "results" | "fingerprint">>;

function computed(a: Analysis): Computed {
  if (!a.model || !a.results || !a.fingerprint) throw new Error(`invalid model: ${a.issues.map((i) => i.code).join(", ")}`);
  return { model: a.model, results: a.results, fingerprint: a.fingerprint };
}

const arbitraryOptions: fc.Arbitrary<ScheduleOptions> = fc.record({
  hours: fc.record({ from: fc.integer({ min: 0, max: 23 }), to: fc.integer({ min: 0, max: 23 }) }),
  secondsPerHour: fc.oneof(fc.constant(3600), fc.constant(10), fc.double({ min: 0.5, max: 7200, noNaN: true })),
  scale: fc.oneof(fc.constant(1), fc.double({ min: 1e-6, max: 100, noNaN: true })),
  burst: fc.boolean(),
  shape: fc.constantFrom("step" as const, "ramp" as const),
  engines: fc.integer({ min: 1, max: 8 }),
  target: fc.constant("http://127.0.0.1:8080"),
  responseTimeSeconds: fc.constant(0.5),
});

describe("buildSchedule", () => {
  it("lists the hours of a range inclusively, wrapping midnight", () => {
    expect(scheduleHours({ from: 22, to: 2 })).toEqual([22, 23, 0, 1, 2]);
    expect(scheduleHours({ from: 0, to: 23 })).toHaveLength(24);
    expect(scheduleHours({ from: 5, to: 5 })).toEqual([5]);
    expect(scheduleHours({ from: 6, to: 5 })).toHaveLength(24);
  });

  it("expects, per series and in total, the model's per-hour figures for those hours × scale (× BurstFactor) × seconds-per-hour / 3600", () => {
    fc.assert(
      fc.property(arbitraryModelTables, arbitraryOptions, fc.nat(), fc.nat(), (tables, options, pi, ri) => {
        const { model, results, fingerprint } = computed(analyseWorkbook(tablesToGrids(tables)));
        const phase = pi % model.phases.length;
        const provider = ri % model.providers.length;
        const s = buildSchedule({ model, results, fingerprint, phase, provider, options });
        const hours = new Set(scheduleHours(options.hours));
        const factor = options.scale * (options.burst ? model.settings.burstFactor.value : 1) * (options.secondsPerHour / 3600);
        const phaseName = model.phases[phase]?.name;
        const providerName = model.providers[provider]?.name;
        // The model's figures, read from the rates-by-transaction and provider-hourly outputs.
        const tables_ = buildOutputTables(model, results, []);
        const byTx = tables_.find((t) => t.file === "rates-by-transaction.csv")?.rows ?? [];
        const expected = new Map<string, number>();
        for (const [ph, pr, tx, stream, hour, perHour] of byTx) {
          if (ph !== phaseName || pr !== providerName || !hours.has(hour as number)) continue;
          const key = `${tx}\u0000${stream}`;
          expected.set(key, (expected.get(key) ?? 0) + (perHour as number));
        }
        for (const [key, v] of [...expected]) if (!(v > 0)) expected.delete(key);
        expect(s.series.map((x) => `${x.transaction}\u0000${x.stream}`).sort()).toEqual([...expected.keys()].sort());
        for (const series of s.series) {
          const got = series.rates.reduce((a, r) => a + r.expectedCount, 0);
          const want = (expected.get(`${series.transaction}\u0000${series.stream}`) ?? NaN) * factor;
          if (!close(got, want)) expect({ series: series.name, got }).toEqual({ series: series.name, got: want });
        }
        const hourly = tables_.find((t) => t.file === "provider-hourly.csv")?.rows ?? [];
        const providerTotal = hourly.filter((r) => r[0] === phaseName && r[1] === providerName && hours.has(r[2] as number)).reduce((a, r) => a + (r[3] as number), 0);
        expect(close(s.totals.expectedCount, providerTotal * factor)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("lays steps end to end over hours × seconds-per-hour, with finite non-negative rates, continuous under ramp", () => {
    fc.assert(
      fc.property(arbitraryModelTables, arbitraryOptions, (tables, options) => {
        const { model, results, fingerprint } = computed(analyseWorkbook(tablesToGrids(tables)));
        const s = buildSchedule({ model, results, fingerprint, phase: 0, provider: 0, options });
        const hours = scheduleHours(options.hours);
        const perHour = options.shape === "ramp" ? 2 : 1;
        expect(s.steps.map((st) => st.hour)).toEqual(hours.flatMap((h) => Array(perHour).fill(h)));
        expect(s.totals.durationSeconds).toBe(hours.length * options.secondsPerHour);
        let t = 0;
        for (const st of s.steps) {
          expect(close(st.startSeconds, t)).toBe(true);
          t += st.durationSeconds;
        }
        expect(close(t, s.totals.durationSeconds)).toBe(true);
        for (const series of s.series) {
          expect(series.rates.map((r) => r.step)).toEqual(s.steps.map((st) => st.step));
          series.rates.forEach((r, k) => {
            for (const v of [r.ratePerSecond, r.endRatePerSecond, r.expectedCount]) expect(Number.isFinite(v) && v >= 0).toBe(true);
            const d = s.steps[k]?.durationSeconds ?? NaN;
            expect(close(r.expectedCount, ((r.ratePerSecond + r.endRatePerSecond) / 2) * d)).toBe(true);
            if (options.shape === "step") expect(r.endRatePerSecond).toBe(r.ratePerSecond);
            else if (k > 0) expect(r.ratePerSecond).toBe(series.rates[k - 1]?.endRatePerSecond);
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it("keeps the per-second intensity when time is compressed", () => {
    const { model, results, fingerprint } = computed(analyseWorkbook(buildGrids()));
    const real = buildSchedule({ model, results, fingerprint, phase: 0, provider: 0, options: DEFAULT_SCHEDULE_OPTIONS });
    const fast = buildSchedule({ model, results, fingerprint, phase: 0, provider: 0, options: { ...DEFAULT_SCHEDULE_OPTIONS, secondsPerHour: 60 } });
    expect(fast.totals.durationSeconds).toBe(24 * 60);
    expect(fast.series.map((s) => s.rates.map((r) => r.ratePerSecond))).toEqual(real.series.map((s) => s.rates.map((r) => r.ratePerSecond)));
    expect(close(fast.totals.expectedCount * 60, real.totals.expectedCount)).toBe(true);
  });

  it("ramps linearly between hour midpoints and holds the ends flat", () => {
    const a = analyseWorkbook(buildGrids((t) => {
      const profiles = t.Profiles ?? [];
      profiles.forEach((row, r) => { if (r > 0) shares({ 0: 0.25, 1: 0.75 }).forEach((v, h) => (row[h + 1] = v)); });
    }));
    const { model, results, fingerprint } = computed(a);
    const options = { ...DEFAULT_SCHEDULE_OPTIONS, hours: { from: 0, to: 2 }, shape: "ramp" as const };
    const s = buildSchedule({ model, results, fingerprint, phase: 0, provider: 0, options });
    const one = s.series[0];
    if (!one) throw new Error("no series");
    const [r0 = NaN, r1 = NaN] = [one.rates[0]?.endRatePerSecond, one.rates[2]?.endRatePerSecond];
    expect(r1).toBeCloseTo(3 * r0, 9);
    expect(one.rates.map((r) => [r.ratePerSecond, r.endRatePerSecond])).toEqual([
      [r0, r0], [r0, (r0 + r1) / 2], [(r0 + r1) / 2, r1], [r1, r1 / 2], [r1 / 2, 0], [0, 0],
    ]);
  });

  it("names a series with its stream only when its transaction has several streams", () => {
    const a = analyseWorkbook(buildGrids((t) => t.Transactions?.push(["Migrate", "SMETS2+", "Traffic", 1, "Flat", 1, 1, "s2 'migrate' traffic"])));
    const { model, results, fingerprint } = computed(a);
    const s = buildSchedule({ model, results, fingerprint, phase: 0, provider: 0, options: DEFAULT_SCHEDULE_OPTIONS });
    const provider = model.providers[0]?.name ?? "";
    for (const series of s.series) {
      const streams = s.series.filter((x) => x.transaction.toLowerCase() === series.transaction.toLowerCase()).length;
      expect(series.name).toBe(`${provider}/${series.transaction}${streams > 1 ? ` (${series.stream})` : ""}`);
      expect(series.url).toBe(`http://127.0.0.1:8080/${encodeURIComponent(provider)}/${encodeURIComponent(series.transaction)}`);
    }
    expect(s.series.map((x) => x.name)).toEqual(expect.arrayContaining(["DSP/Migrate (Migration)", "DSP/Migrate (Traffic)", "DSP/Read"]));
  });
});
