/**
 * The native derivation of a phase (native/derive_phase.cc via src/cli/native-addon.ts) must
 * give the engine's figures bit for bit, whatever the inputs, so the CLI and the add-in give
 * identical numbers. Built by `npm run build:cli` where g++ and make are (this machine;
 * .ci/run installs them), so its absence is a failure here.
 */
import fc from "fast-check";
import { derivePhase, deriveRates, planDerivation, type DerivationPlan, type PhaseDeriver } from "../../src/engine";
import { parseModel } from "../../src/engine/parse/parse-model";
import { nativePhaseDeriver } from "../../src/cli/native-addon";
import { arbitraryModelTables, tablesToGrids } from "../support/arbitrary-model";
import { builtNative } from "../support/built-native";

jest.setTimeout(120_000);
let deriver: PhaseDeriver;
beforeAll(async () => {
  deriver = await builtNative(nativePhaseDeriver, "derivation");
}, 180_000);

const HOURS = 24;

/** Any double a plan can hold, weighted towards those whose sums and products round. */
const figure = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 0.1, 0.2, 1 / 3, 5e-324, 1e308, Number.NaN, Infinity) },
);

/**
 * The inputs of a random plan (not from a model: any figures, NaN rates, zero drivers,
 * routes to any providers), and whether every DMC's series is kept.
 */
const arbitraryPlanInputs = fc
  .record({ P: fc.integer({ min: 1, max: 3 }), R: fc.integer({ min: 1, max: 10 }), D: fc.integer({ min: 1, max: 5 }), T: fc.integer({ min: 1, max: 6 }), S: fc.integer({ min: 1, max: 4 }) })
  .chain(({ P, R, D, T, S }) =>
    fc.record({
      counts: fc.constant({ P, R, D, T, S }),
      rates: fc.array(fc.oneof(figure, fc.constant(Number.NaN)), { minLength: D * T, maxLength: D * T }),
      drivers: fc.array(fc.oneof(figure, fc.constant(0)), { minLength: P * D * 3, maxLength: P * D * 3 }),
      shares: fc.array(figure, { minLength: T * HOURS, maxLength: T * HOURS }),
      routing: fc.array(figure, { minLength: T * R, maxLength: T * R }),
      streamOfRow: fc.array(fc.nat({ max: 2 }), { minLength: T, maxLength: T }),
      seriesOfRow: fc.array(fc.nat({ max: S - 1 }), { minLength: T, maxLength: T }),
      routes: fc.array(fc.uniqueArray(fc.nat({ max: R - 1 }), { maxLength: R }), { minLength: T, maxLength: T }),
      uplift: figure,
      dmcSeries: fc.boolean(),
    }),
  );
type PlanInputs = typeof arbitraryPlanInputs extends fc.Arbitrary<infer I> ? I : never;

/** A plan of the generated inputs, its accumulators zeroed. */
function planOf({ counts: { P, R, D, T, S }, rates, drivers, shares, routing, streamOfRow, seriesOfRow, routes, uplift, dmcSeries }: PlanInputs): DerivationPlan {
  const routedFrom = new Int32Array(T + 1);
  routes.forEach((r, i) => (routedFrom[i + 1] = (routedFrom[i] as number) + r.length));
  return {
    P,
    R,
    D,
    T,
    S,
    series: [],
    rates: Float64Array.from(rates),
    uplift,
    drivers: Float64Array.from(drivers),
    shares: Float64Array.from(shares),
    routing: Float64Array.from(routing),
    streamOfRow: Int32Array.from(streamOfRow),
    seriesOfRow: Int32Array.from(seriesOfRow),
    routedFrom,
    routed: Int32Array.from(routes.flat()),
    byDmc: dmcSeries ? new Float64Array(P * R * D * HOURS) : null,
    bySeries: new Float64Array(P * R * S * HOURS),
    providerHourly: new Float64Array(P * R * HOURS),
  };
}

/** The accumulators of a plan, for toEqual (element by element with Object.is: bit-identical, NaN equal to NaN). */
const accumulators = (plan: DerivationPlan) => ({ byDmc: plan.byDmc, bySeries: plan.bySeries, providerHourly: plan.providerHourly });

it("derives a phase into the engine's figures bit for bit, for any plan's figures", () => {
  fc.assert(
    fc.property(arbitraryPlanInputs, fc.boolean(), (inputs, twice) => {
      const engine = planOf(inputs);
      const native = planOf(inputs);
      // Twice: loads added on top of figures already there, as a phase derived again would.
      for (let round = 0; round < (twice ? 2 : 1); round++) {
        for (let ph = 0; ph < engine.P; ph++) {
          derivePhase(engine, ph);
          derivePhase(native, ph, deriver);
        }
      }
      expect(accumulators(native)).toEqual(accumulators(engine));
    }),
    { numRuns: 300 },
  );
});

it("gives deriveRates' results bit for bit on any valid model", () => {
  fc.assert(
    fc.property(arbitraryModelTables, fc.boolean(), (tables, dmcSeries) => {
      const model = parseModel(tablesToGrids(tables)).model!;
      const engine = deriveRates(model, { dmcSeries });
      const native = deriveRates(model, { dmcSeries, phaseDeriver: deriver });
      expect(native.byDmc).toEqual(engine.byDmc);
      expect(native.bySeries).toEqual(engine.bySeries);
      expect(native.providerHourly).toEqual(engine.providerHourly);
      expect(native.summaries).toEqual(engine.summaries);
    }),
    { numRuns: 100 },
  );
});

it("derives only the phase asked for", () => {
  const plan: DerivationPlan = {
    ...{ P: 2, R: 1, D: 1, T: 1, S: 1, series: [], uplift: 1 },
    rates: Float64Array.of(2),
    drivers: new Float64Array(2 * 3).fill(1),
    shares: new Float64Array(HOURS).fill(0.5),
    routing: Float64Array.of(1),
    streamOfRow: Int32Array.of(0),
    seriesOfRow: Int32Array.of(0),
    routedFrom: Int32Array.of(0, 1),
    routed: Int32Array.of(0),
    byDmc: new Float64Array(2 * HOURS),
    bySeries: new Float64Array(2 * HOURS),
    providerHourly: new Float64Array(2 * HOURS),
  };
  derivePhase(plan, 1, deriver);
  for (const figures of [plan.providerHourly, plan.bySeries, plan.byDmc!]) {
    expect([...figures.subarray(0, HOURS)]).toEqual(Array.from({ length: HOURS }, () => 0));
    expect([...figures.subarray(HOURS)]).toEqual(Array.from({ length: HOURS }, () => 1));
  }
});

it("refuses arguments that do not fit the shape with a TypeError, not a crash or a write outside an array", () => {
  const plan = planOf(fc.sample(arbitraryPlanInputs, { numRuns: 1, seed: 11 })[0]!);
  const { P, R, D, T, S, uplift } = plan;
  const args = (): Parameters<PhaseDeriver> => [
    Float64Array.of(P, R, D, T, S, uplift, 0),
    plan.rates,
    plan.drivers,
    plan.shares,
    plan.routing,
    plan.streamOfRow,
    plan.seriesOfRow,
    plan.routedFrom,
    plan.routed,
    plan.byDmc,
    plan.bySeries,
    plan.providerHourly,
  ];
  const call = (edit: (a: Parameters<PhaseDeriver>) => void) => () => {
    const a = args();
    edit(a);
    (deriver as (...x: unknown[]) => void)(...a);
  };
  expect(call(() => undefined)).not.toThrow();
  // A TypeError of the main realm (jest's tests run in another, so the name is what is checked).
  expect(() => (deriver as (...x: unknown[]) => void)(Float64Array.of(P, R, D, T, S, uplift, 0))).toThrow(expect.objectContaining({ name: "TypeError", message: "derivePhase: twelve arguments expected" }));
  expect(call((a) => (a[0] = Float64Array.of(P, R, D, T, S, uplift, P)))).toThrow(/phase out of range/);
  expect(call((a) => (a[0] = Float64Array.of(P, R, D + 1, T, S, uplift, 0)))).toThrow(/shorter/);
  expect(call((a) => (a[0] = Float64Array.of(P, R, 1.5, T, S, uplift, 0)))).toThrow(/whole counts/);
  expect(call((a) => (a[1] = new Float32Array(D * T) as unknown as Float64Array))).toThrow(/typed array/);
  expect(call((a) => (a[11] = new Float64Array(1)))).toThrow(/shorter/);
  expect(call((a) => (a[6] = Int32Array.from(plan.seriesOfRow, () => S)))).toThrow(/out of range/);
  expect(call((a) => (a[7] = Int32Array.from(plan.routedFrom, (_, i) => (i === T ? plan.routed.length + 1 : 0))))).toThrow(/out of range/);
});
