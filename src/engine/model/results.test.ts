import {
  dmcSeries,
  forEachNonZeroSeries,
  hourlyOf,
  seriesOffset,
  streamSeries,
  summaryOf,
  transactionSeries,
  type ProviderSummary,
  type Results,
} from "./results";
import { HOURS, STREAMS } from "./types";

// Every value encodes its own position, so a wrong offset shows as a wrong code.
const code = (ph: number, p: number, item: number, h: number): number => ph * 1e6 + p * 1e4 + item * 100 + h;

function fill(P: number, R: number, items: number): Float64Array {
  const out = new Float64Array(P * R * items * HOURS);
  let i = 0;
  for (let ph = 0; ph < P; ph++) for (let p = 0; p < R; p++) for (let item = 0; item < items; item++) for (let h = 0; h < HOURS; h++) out[i++] = code(ph, p, item, h);
  return out;
}

function layoutResults(): Results {
  const P = 2, R = 3, D = 4, S = 5;
  const summaries = Array.from({ length: P * R }, (_, k) => ({ phase: Math.floor(k / R), provider: k % R }) as ProviderSummary);
  return {
    phaseCount: P,
    providerCount: R,
    dmcCount: D,
    series: Array.from({ length: S }, (_, s) => ({ name: `T${s}`, stream: "Traffic" as const, rows: [s] })),
    providerHourly: fill(P, R, 1),
    byDmc: fill(P, R, D),
    bySeries: fill(P, R, S),
    byStream: fill(P, R, STREAMS.length),
    summaries,
  };
}

describe("results accessors", () => {
  const r = layoutResults();

  it("read the 24 hours of the right item of the right phase and provider", () => {
    expect(Array.from(hourlyOf(r, 1, 2))).toEqual(Array.from({ length: HOURS }, (_, h) => code(1, 2, 0, h)));
    expect(dmcSeries(r, 1, 0, 3)[7]).toBe(code(1, 0, 3, 7));
    expect(transactionSeries(r, 0, 2, 4)[23]).toBe(code(0, 2, 4, 23));
    expect(streamSeries(r, 1, 1, "Traffic")[0]).toBe(code(1, 1, STREAMS.indexOf("Traffic"), 0));
    expect(streamSeries(r, 1, 1, "Migration")[5]).toBe(code(1, 1, STREAMS.indexOf("Migration"), 5));
    expect(summaryOf(r, 1, 2)).toMatchObject({ phase: 1, provider: 2 });
  });

  it("return views of the arrays, not copies", () => {
    const view = dmcSeries(r, 0, 1, 2);
    expect(view).toHaveLength(HOURS);
    expect(view.buffer).toBe(r.byDmc!.buffer);
    expect(view.byteOffset).toBe(seriesOffset(r.providerCount, r.dmcCount, 0, 1, 2) * Float64Array.BYTES_PER_ELEMENT);
  });

  it("throw an internal error for an index outside the results", () => {
    expect(() => hourlyOf(r, 2, 0)).toThrow(RangeError);
    expect(() => dmcSeries(r, 0, 3, 0)).toThrow(/provider index 3/);
    expect(() => dmcSeries(r, 0, 0, 4)).toThrow(/item index 4/);
    expect(() => transactionSeries(r, 0, 0, -1)).toThrow(RangeError);
    expect(() => summaryOf(r, 0, 1.5)).toThrow(RangeError);
  });
});

describe("forEachNonZeroSeries", () => {
  it("visits non-zero series in phase, provider, item order and skips all-zero ones", () => {
    const r = layoutResults();
    // code(0, 0, 0, h) is 0 only at h = 0; zero one whole series too.
    dmcSeries(r, 1, 2, 1).fill(0);
    const seen: string[] = [];
    forEachNonZeroSeries(r, "dmc", ({ phase, provider, item, hours }) => {
      expect(hours[3]).toBe(code(phase, provider, item, 3));
      seen.push(`${phase}/${provider}/${item}`);
    });
    const expected: string[] = [];
    for (let ph = 0; ph < 2; ph++) for (let p = 0; p < 3; p++) for (let d = 0; d < 4; d++) if (!(ph === 1 && p === 2 && d === 1)) expected.push(`${ph}/${p}/${d}`);
    expect(seen).toEqual(expected);
  });

  it("covers every transaction series and every stream of its kind", () => {
    const r = layoutResults();
    let series = 0;
    forEachNonZeroSeries(r, "transaction", () => series++);
    let streams = 0;
    forEachNonZeroSeries(r, "stream", () => streams++);
    expect([series, streams]).toEqual([2 * 3 * 5, 2 * 3 * STREAMS.length]);
  });
});
