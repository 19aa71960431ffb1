/** The rates files are written in chunks: the chunks must join to exactly the whole text. */
import fc from "fast-check";
import { analyseWorkbook, formatCsv, OUTPUTS, type OutputInput } from "..";
import { arbitraryModelTables, tablesToGrids } from "../../../test/support/arbitrary-model";
import { buildGrids } from "../../../test/support/model-grids";
import { seriesCsvChunks } from "./rates-series";

const RATES = ["rates-by-dmc.csv", "rates-by-transaction.csv"] as const;
const KIND = { "rates-by-dmc.csv": "dmc", "rates-by-transaction.csv": "transaction" } as const;

function inputOf(a: ReturnType<typeof analyseWorkbook>): OutputInput {
  if (!a.model || !a.results) throw new Error(`generator made an invalid model: ${a.issues.map((i) => i.code).join(", ")}`);
  return { model: a.model, results: a.results, issues: a.issues };
}

describe("rates files in chunks", () => {
  it("join to the bytes of the whole CSV (formatCsv of the registry's rows), whatever the chunk size, for any model", () => {
    fc.assert(
      fc.property(arbitraryModelTables, fc.integer({ min: 1, max: 4000 }), (tables, chunkChars) => {
        const input = inputOf(analyseWorkbook(tablesToGrids(tables)));
        for (const file of RATES) {
          const output = OUTPUTS[file];
          const whole = Buffer.from(formatCsv(output.build(input)), "utf8");
          const chunks = [...seriesCsvChunks(input, KIND[file], output.columns, chunkChars)];
          expect(Buffer.concat(chunks.map((c) => Buffer.from(c, "utf8")))).toEqual(whole);
          expect(chunks.every((c) => c.length > 0 && c.endsWith("\n"))).toBe(true);
          // Every chunk but the last reaches the size asked for; none holds more than one series past it.
          for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(chunkChars);
          expect(Buffer.from([...(output.csvChunks?.(input) ?? [])].join(""), "utf8")).toEqual(whole);
          expect(output.csv(input)).toBe(whole.toString("utf8"));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("come as several chunks made one at a time, not one string built first", () => {
    const input = inputOf(analyseWorkbook(buildGrids()));
    const chunks = seriesCsvChunks(input, "dmc", OUTPUTS["rates-by-dmc.csv"].columns, 100);
    const first = chunks.next();
    expect(first.done).toBe(false);
    // The header and the first series (24 lines) only: the rest is made when asked for.
    expect((first.value as string).split("\n")).toHaveLength(1 + 24 + 1);
    expect([...chunks].length).toBeGreaterThan(2);
  });
});
