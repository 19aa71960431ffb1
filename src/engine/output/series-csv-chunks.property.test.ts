/** The rates files are written in chunks of UTF-8 bytes: the chunks must join to exactly the whole text. */
import fc from "fast-check";
import { analyseWorkbook, formatCsv, OUTPUTS, type OutputInput } from "..";
import { arbitraryModelTables, tablesToGrids } from "../../../test/support/arbitrary-model";
import { buildGrids } from "../../../test/support/model-grids";
import { formatNumber } from "./format-csv";
import { SERIES_BLOCK, seriesCount, seriesCsvChunks, seriesCsvHeader, seriesFigureList, seriesLinesBytes, seriesTable, seriesTableCsvChunks, type SeriesPrinter, type SeriesTable } from "./rates-series";

const RATES = ["rates-by-dmc.csv", "rates-by-transaction.csv"] as const;
const KIND = { "rates-by-dmc.csv": "dmc", "rates-by-transaction.csv": "transaction" } as const;

function inputOf(a: ReturnType<typeof analyseWorkbook>): OutputInput {
  if (!a.model || !a.results) throw new Error(`generator made an invalid model: ${a.issues.map((i) => i.code).join(", ")}`);
  return { model: a.model, results: a.results, issues: a.issues };
}

describe("rates files in chunks", () => {
  it("join to the bytes of the whole CSV (formatCsv of the registry's rows), whatever the chunk size, for any model", () => {
    fc.assert(
      fc.property(arbitraryModelTables, fc.integer({ min: 1, max: 4000 }), (tables, chunkBytes) => {
        const input = inputOf(analyseWorkbook(tablesToGrids(tables)));
        for (const file of RATES) {
          const output = OUTPUTS[file];
          const whole = Buffer.from(formatCsv(output.build(input)), "utf8");
          // All collected before any is read: a chunk must stay as it was while later ones are made.
          const chunks = [...seriesCsvChunks(input, KIND[file], output.columns, chunkBytes)].map((c) => Buffer.from(c));
          expect(Buffer.concat(chunks)).toEqual(whole);
          expect(chunks.every((c) => c.length > 0 && c[c.length - 1] === 10)).toBe(true);
          // Every chunk but the last reaches the size asked for.
          for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(chunkBytes);
          expect(Buffer.concat([...(output.csvChunks?.(input) ?? [])])).toEqual(whole);
          expect(output.csv(input)).toBe(whole.toString("utf8"));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("carry names that need quoting or several UTF-8 bytes exactly as formatCsv writes them", () => {
    let nonAscii = 0;
    const exotic: Record<string, string> = { D0: 'Météo, "E7"', D1: "=SUM(A1)", D2: "日本 DMC", D3: "emoji 😀", D4: "Ø", P0: "Prøvider, 1", P1: "+DCO", P2: "S1SP ☃", P3: '"P"' };
    fc.assert(
      fc.property(arbitraryModelTables, (tables) => {
        const renamed = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.map((row) => row.map((cell) => (typeof cell === "string" ? (exotic[cell] ?? cell) : cell)))]));
        const input = inputOf(analyseWorkbook(tablesToGrids(renamed)));
        for (const file of RATES) {
          const output = OUTPUTS[file];
          const text = formatCsv(output.build(input));
          if (/[^\x00-\x7f]/.test(text)) nonAscii++;
          expect(Buffer.concat([...seriesCsvChunks(input, KIND[file], output.columns, 64)])).toEqual(Buffer.from(text, "utf8"));
        }
      }),
      { numRuns: 30 },
    );
    expect(nonAscii).toBeGreaterThan(10);
  });

  it("come as several chunks made one at a time, not one string built first", () => {
    const input = inputOf(analyseWorkbook(buildGrids()));
    const chunks = seriesCsvChunks(input, "dmc", OUTPUTS["rates-by-dmc.csv"].columns, 100);
    const first = chunks.next();
    expect(first.done).toBe(false);
    // The header and the first series (24 lines) only: the rest is made when asked for.
    expect(Buffer.from(first.value as Uint8Array).toString("utf8").split("\n")).toHaveLength(1 + 24 + 1);
    expect([...chunks].length).toBeGreaterThan(2);
  });
});

describe("rates files in pieces (seriesLinesBytes, what the CLI prints on two threads)", () => {
  it("join to the file after its header, however the series are cut, for any model", () => {
    fc.assert(
      fc.property(arbitraryModelTables, fc.array(fc.nat(), { maxLength: 8 }), fc.nat(), (tables, cutsAt, reuseSize) => {
        const input = inputOf(analyseWorkbook(tablesToGrids(tables)));
        for (const file of RATES) {
          const output = OUTPUTS[file];
          const table = seriesTable(input, KIND[file]);
          const total = seriesCount(table);
          expect(table.values.length).toBe(total * 24);
          const cuts = [0, ...cutsAt.map((c) => c % (total + 1)).sort((a, b) => a - b), total];
          // Each piece copied out before the next is made: the function reuses its buffer.
          const pieces = cuts.slice(1).map((to, k) => Buffer.from(seriesLinesBytes(table, cuts[k] as number, to)));
          const whole = Buffer.from(formatCsv(output.build(input)), "utf8");
          expect(Buffer.concat([Buffer.from(seriesCsvHeader(output.columns)), ...pieces])).toEqual(whole);
          // A piece has a buffer of its own (it is sent to another thread by its buffer).
          const piece = seriesLinesBytes(table, 0, total);
          expect(piece.byteOffset).toBe(0);
          expect(piece.buffer.byteLength).toBeGreaterThanOrEqual(piece.length);
          // Pieces printed into a buffer given back (replaced by a larger one when short of
          // room): the same bytes; a buffer with ample room is the one printed into.
          let given: Uint8Array = new Uint8Array(reuseSize % 2 === 0 ? 2 * whole.length + 65_536 : reuseSize % (whole.length + 1));
          let usedAmple = 0;
          const reused = cuts.slice(1).map((to, k) => {
            const ample = given.length >= 2 * whole.length + 65_536;
            const bytes = seriesLinesBytes(table, cuts[k] as number, to, undefined, given);
            expect(bytes.byteOffset).toBe(0);
            if (ample) {
              expect(bytes.buffer).toBe(given.buffer);
              usedAmple++;
            }
            const copy = Buffer.from(bytes);
            given = new Uint8Array(bytes.buffer);
            return copy;
          });
          expect(Buffer.concat(reused)).toEqual(Buffer.concat(pieces));
          if (reuseSize % 2 === 0) expect(usedAmple).toBe(cuts.length - 1);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("seriesTableCsvChunks with a printer, blocks printed into buffers handed back", () => {
  // A printer that declines every series: this module prints them all, on the printer's path.
  const declines: SeriesPrinter = (_out, _values, _from, to, _items, _prefixes, _g, _i, state) => ((state[1] as number) >= to ? 0 : 1);
  it("gives the same bytes, and prints later blocks into the buffers of written ones", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 8, max: 200 }), fc.nat(), (groups, extra, seed) => {
        // Just over one block in all: two or three blocks, the last one small.
        const items = Math.ceil(SERIES_BLOCK / groups) + extra;
        const table: SeriesTable = {
          groupPrefixes: Array.from({ length: groups }, (_, g) => `P${g},R${g},`),
          itemPrefixes: Array.from({ length: items }, (_, t) => `${"D".repeat(1 + ((t + seed) % 5))}${t},`),
          values: Float64Array.from({ length: groups * items * 24 }, (_, k) => ((Math.floor(k / 24) + seed) % 7 === 0 ? 0 : ((k * 7919 + seed) % 1000) / 8)),
        };
        const columns = ["Phase", "Provider", "DMC", "Hour", "Rate"];
        const plain = Buffer.concat([...seriesTableCsvChunks(table, columns, declines)].map((c) => Buffer.from(c)));
        const spare: Uint8Array[] = [];
        const seen = new Set<ArrayBufferLike>();
        const copies: Buffer[] = [];
        let blocks = 0;
        for (const chunk of seriesTableCsvChunks(table, columns, declines, undefined, () => spare.pop())) {
          copies.push(Buffer.from(chunk));
          if (copies.length === 1) continue;
          blocks++;
          seen.add(chunk.buffer);
          spare.push(new Uint8Array(chunk.buffer));
        }
        // Buffer#equals: toEqual would compare megabytes element by element.
        expect(Buffer.concat(copies).equals(plain)).toBe(true);
        // Every block holds a series that is not all zero (one in seven is).
        expect(blocks).toBe(Math.ceil((groups * items) / SERIES_BLOCK));
        // Blocks vary in size: one larger than the buffer handed back gets a new one.
        expect(seen.size).toBeLessThan(blocks);
      }),
      { numRuns: 3 },
    );
  });
});

describe("seriesFigureList", () => {
  it("prints every figure as formatNumber does, whatever the doubles (-0, subnormals, extremes, NaN, infinities)", () => {
    const special = fc.constantFrom(-0, 0, Number.MIN_VALUE, -Number.MAX_VALUE, 1e21, 1e-7, 123456789012345680000, 0.1 + 0.2, Number.NaN, Infinity, -Infinity);
    const hours = fc.array(fc.oneof(fc.double(), fc.double({ min: -1e9, max: 1e9, noNaN: true }), special), { minLength: 24, maxLength: 24 });
    fc.assert(
      fc.property(hours, (h) => {
        expect(seriesFigureList(Float64Array.from(h))).toBe(`[${h.map(formatNumber).join(",")}]`);
      }),
      { numRuns: 2000 },
    );
  });
});
