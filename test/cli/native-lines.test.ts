/**
 * The native rates printer (native/series_lines.cc via src/cli/native-addon.ts) must write
 * exactly the bytes of the engine's JavaScript printer, whatever the figures and names, and
 * hand back to it every series it does not print. It is built by `npm run build:cli` where
 * g++ and make are (this machine; .ci/run installs them), so its absence is a failure here.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { seriesLinesBytes, type SeriesPrinter, type SeriesTable } from "../../src/engine/output/rates-series";
import { nativeSeriesPrinter } from "../../src/cli/native-addon";
import { builtNative } from "../support/built-native";
import { BIN, makeTempDir, ROOT } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";

jest.setTimeout(120_000);
let printer: SeriesPrinter;
beforeAll(async () => {
  printer = await builtNative(nativeSeriesPrinter, "printer");
}, 180_000);

/** Bytes the native printer wrote itself (not handed back). */
let nativeBytes = 0;
const counting: SeriesPrinter = (...args) => {
  const before = args[8][0] as number;
  const status = printer(...args);
  nativeBytes += (args[8][0] as number) - before;
  return status;
};
const both = (table: SeriesTable, from: number, to: number): [Buffer, Buffer] => [
  Buffer.from(seriesLinesBytes(table, from, to)),
  Buffer.from(seriesLinesBytes(table, from, to, counting)),
];

/** Figures the native printer prints: 0, and |x| in [1e-6, 2^53), its edges included. */
const inRange = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 1e-6, max: 1e7, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: -(2 ** 53 - 1), max: -1e-6, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: 1e7, max: 2 ** 53 - 1, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 1e-6, 1.0000000000000002e-6, 2 ** 53 - 1, 0.1 + 0.2, 1e15 + 0.3, 0.5, 100, 1e-5, 123.456) },
);
/** Any figure: most series holding one go back to JavaScript. */
const anyFigure = fc.oneof(inRange, fc.double(), fc.constantFrom(9.999999999999999e-7, 2 ** 53, 2 ** 53 + 2, 1e21, 123456789012345680000, 5e-324, Number.NaN, Infinity, -Infinity));
/** Whole series near one of the range's edges, where fixed notation and JavaScript's form part. */
const nearLargest = fc.array(fc.double({ min: 2 ** 50, max: 1e21, noNaN: true }), { minLength: 24, maxLength: 24 });
const nearSmallest = fc.array(fc.double({ min: 1e-8, max: 1e-5, noNaN: true }), { minLength: 24, maxLength: 24 });
const series = fc.oneof(
  { weight: 3, arbitrary: fc.array(inRange, { minLength: 24, maxLength: 24 }) },
  { weight: 1, arbitrary: nearLargest },
  { weight: 1, arbitrary: nearSmallest },
  { weight: 1, arbitrary: fc.array(anyFigure, { minLength: 24, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 24 }, () => 0)) },
);
const name = fc.string({ unit: fc.constantFrom("a", "Z", "1", ",", '"', "=", " ", "é", "日", "😀", "\n"), maxLength: 8 });
const table = fc
  .tuple(fc.array(name, { minLength: 1, maxLength: 4 }), fc.array(name, { minLength: 1, maxLength: 6 }))
  .chain(([groups, items]) =>
    fc.tuple(
      fc.constant(groups.map((g) => `${JSON.stringify(g)},P,`)),
      fc.constant(items.map((t) => `${t},`)),
      fc.array(series, { minLength: groups.length * items.length, maxLength: groups.length * items.length }),
    ),
  )
  .map(([groupPrefixes, itemPrefixes, values]): SeriesTable => ({ groupPrefixes, itemPrefixes, values: Float64Array.from(values.flat()) }));

it("writes the JavaScript printer's bytes for any figures and names, any range of series", () => {
  nativeBytes = 0;
  let allBytes = 0;
  fc.assert(
    fc.property(table, fc.nat(), fc.nat(), (t, a, b) => {
      const total = t.groupPrefixes.length * t.itemPrefixes.length;
      const [from, to] = [a % (total + 1), b % (total + 1)].sort((x, y) => x - y) as [number, number];
      const [js, native] = both(t, from, to);
      // Strings first, for a readable difference; then the bytes (a lone surrogate in a name).
      expect(native.toString("utf8")).toBe(js.toString("utf8"));
      expect(native.equals(js)).toBe(true);
      allBytes += native.length;
    }),
    { numRuns: 3000 },
  );
  // Many lines were the native printer's own, not handed back (~45% with these weights).
  expect(nativeBytes).toBeGreaterThan(allBytes / 4);
});

it("prints whole series of ordinary rates itself, and hands back a series with a figure outside its range", () => {
  const values = new Float64Array(3 * 24).fill(1234.5678);
  values[24 + 5] = 1e-7; // second series: exponent form, JavaScript's
  const t: SeriesTable = { groupPrefixes: ["IOC,DSP,"], itemPrefixes: ["A,", "B,", "C,"], values };
  const state = Float64Array.of(0, 0);
  const out = new Uint8Array(1 << 16);
  expect(printer(out, values, 0, 3, 3, new Uint8Array(Buffer.from("IOC,DSP,A,B,C,")), Int32Array.of(0, 8), Int32Array.of(8, 10, 12, 14), state)).toBe(1);
  expect(state[1]).toBe(1);
  expect(Buffer.from(out.subarray(0, state[0])).toString().split("\n")[0]).toBe("IOC,DSP,A,0,1234.5678");
  const [js, native] = both(t, 0, 3);
  expect(native.equals(js)).toBe(true);
  expect(native.toString()).toContain("IOC,DSP,B,5,1e-7\n");
});

it("asks for room when a block outgrows its buffer (more than 4 MB of lines), and goes on", () => {
  const items = 5000;
  const values = Float64Array.from({ length: items * 24 }, (_, k) => (k % 7) * 1234.56789 + k / 3);
  const t: SeriesTable = { groupPrefixes: ["MOC,S1SP,"], itemPrefixes: Array.from({ length: items }, (_, k) => `DMC-${k},`), values };
  const [js, native] = both(t, 0, items);
  expect(native.length).toBeGreaterThan(4 << 20);
  expect(native.equals(js)).toBe(true);
});

// (A TypeError of the addon's realm: matched by message, as jest's sandbox has its own TypeError.)
it("refuses arguments that do not fit with a TypeError, not a crash", () => {
  const state = Float64Array.of(0, 0);
  const call = (values: Float64Array, to: number): number => printer(new Uint8Array(100), values, 0, to, 1, new Uint8Array(2), Int32Array.of(0, 1), Int32Array.of(1, 2), state);
  expect(() => call(new Float64Array(24), 2)).toThrow("series range outside values");
  expect(() => (printer as unknown as (...a: unknown[]) => number)(1, 2, 3)).toThrow("printSeries takes 9 arguments");
  expect(() => printer(new Uint8Array(100), new Float64Array(24), 0, 1, 1, new Uint8Array(2), Int32Array.of(0, 5), Int32Array.of(1, 2), state)).toThrow("bad group offsets");
});

it("sctvm compute writes the same files with the native printer and without it (SCTVM_NATIVE=0)", () => {
  const tmp = makeTempDir("native");
  try {
    const run = (out: string, env: NodeJS.ProcessEnv): number | null => spawnSync(process.execPath, [BIN, "compute", SAMPLE_XLSX, "--out", join(tmp.dir, out)], { cwd: ROOT, env: { ...process.env, ...env } }).status;
    expect(run("native", {})).toBe(run("js", { SCTVM_NATIVE: "0" }));
    const files = readdirSync(join(tmp.dir, "js")).sort();
    expect(readdirSync(join(tmp.dir, "native")).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(tmp.dir, "native", f))).toEqual(readFileSync(join(tmp.dir, "js", f)));
  } finally {
    tmp.remove();
  }
});
