/**
 * A rates file printed on this thread in blocks whose buffers the writer hands back
 * (write-outputs.ts, `recycledBlocks`): written through writeOutputSet, a model of several
 * blocks gives the registry's CSV byte for byte, and the header is never printed into.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook, buildOutputTables, formatCsv, SERIES_BLOCK, seriesCount } from "../../src/engine";
import { seriesTable } from "../../src/engine/output/rates-series";
import { nativeSeriesPrinter } from "../../src/cli/native-addon";
import { writeOutputSet } from "../../src/cli/output-set";
import { outputFileTexts } from "../../src/cli/write-outputs";
import { buildLargeModel, largeModelGrids } from "../../bench/build-large-model";
import { makeTempDir } from "../support/run-cli";

it("writes every rates file of a model of several blocks as the registry's CSV, the header once", async () => {
  expect(nativeSeriesPrinter()).toBeDefined();
  const a = analyseWorkbook(largeModelGrids(buildLargeModel({ seed: 20210801, dmcs: 900, transactions: 60, overrides: 5 })));
  const input = { model: a.model!, results: a.results!, issues: a.issues };
  expect(seriesCount(seriesTable(input, "dmc"))).toBeGreaterThan(4 * SERIES_BLOCK);
  const files = outputFileTexts(input);
  expect(files.filter((f) => f.recycle).map((f) => f.file)).toEqual(["rates-by-dmc.csv", "rates-by-transaction.csv"]);
  const tmp = makeTempDir("recycled");
  try {
    // Twice into one folder: the second run prints into buffers the first run never had.
    for (let run = 0; run < 2; run++) await writeOutputSet(tmp.dir, outputFileTexts(input), { command: "compute", model: "m", fingerprint: null }, []);
    for (const table of buildOutputTables(input.model, input.results, input.issues)) {
      expect(readFileSync(join(tmp.dir, table.file)).equals(Buffer.from(formatCsv(table), "utf8"))).toBe(true);
    }
  } finally {
    tmp.remove();
  }
});

it("hands a chunk back only once it is in the file (writeOutputSet's recycle)", async () => {
  const tmp = makeTempDir("recycle-order");
  try {
    const chunks = Array.from({ length: 40 }, (_, k) => Buffer.alloc(64 * 1024 + k, 97 + (k % 26)));
    let written = 0;
    const onDisk: number[] = [];
    async function* text(): AsyncGenerator<Uint8Array> {
      for (const chunk of chunks) yield chunk;
    }
    const recycle = (chunk: Uint8Array): void => {
      written += chunk.length;
      const temp = readdirSync(tmp.dir).find((f) => f.endsWith("big.csv.tmp"));
      onDisk.push(temp ? statSync(join(tmp.dir, temp)).size - written : -1);
    };
    await writeOutputSet(tmp.dir, [{ file: "big.csv", text: text(), recycle }], { command: "compute", model: "m", fingerprint: null }, []);
    // At each hand-back the temporary file held every byte up to that chunk.
    expect(onDisk).toEqual(chunks.map(() => 0));
    expect(readFileSync(join(tmp.dir, "big.csv")).equals(Buffer.concat(chunks))).toBe(true);
  } finally {
    tmp.remove();
  }
});
