import { createWriteBatcher, estimateJsonBytes, writeRowBlocks } from "./write-batcher";

interface Block {
  top: number;
  rows: number;
  values?: unknown[][];
  numberFormat?: unknown[][];
}

function fakeSheet(): { sheet: Excel.Worksheet; blocks: Block[] } {
  const blocks: Block[] = [];
  const sheet = {
    getRangeByIndexes: (top: number, _left: number, rows: number) => {
      const block: Block = { top, rows };
      blocks.push(block);
      return block;
    },
  } as unknown as Excel.Worksheet;
  return { sheet, blocks };
}

function fakeContext(): { context: Excel.RequestContext; syncs: () => number } {
  let syncs = 0;
  return { context: { sync: async () => void syncs++ } as unknown as Excel.RequestContext, syncs: () => syncs };
}

describe("write batcher", () => {
  it("estimates JSON sizes like JSON.stringify for plain and escaped text", () => {
    for (const value of ["IOC", 'a "quoted" word', 12.5, true, "é€"]) {
      expect(estimateJsonBytes(value)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(value)));
    }
  });

  it("writes everything in one block and no sync when it fits", async () => {
    const { context, syncs } = fakeContext();
    const { sheet, blocks } = fakeSheet();
    const batcher = createWriteBatcher(context, 100_000);
    const rows = Array.from({ length: 100 }, (_, i) => ["IOC", i, i / 3]);
    await writeRowBlocks(batcher, sheet, { top: 4, left: 0, width: 3 }, rows, ["@", "0", "0.000"]);
    expect(blocks).toEqual([{ top: 4, rows: 100, values: rows, numberFormat: rows.map(() => ["@", "0", "0.000"]) }]);
    expect(syncs()).toBe(0);
    expect(batcher.isEmpty()).toBe(false);
  });

  it("cuts rows into blocks that fit the budget and syncs between them only", async () => {
    const { context, syncs } = fakeContext();
    const { sheet, blocks } = fakeSheet();
    const batcher = createWriteBatcher(context, 5_000);
    const rows = Array.from({ length: 1000 }, (_, i) => [`row ${i}`, i]);
    await writeRowBlocks(batcher, sheet, { top: 10, left: 0, width: 2 }, rows);
    await batcher.flush();
    const written = blocks.flatMap((b) => b.values ?? []);
    expect(written).toEqual(rows);
    expect(blocks.map((b) => b.top)).toEqual(blocks.map((_, i) => 10 + blocks.slice(0, i).reduce((n, b) => n + b.rows, 0)));
    for (const block of blocks) expect(JSON.stringify(block.values).length).toBeLessThan(5_000);
    expect(syncs()).toBe(blocks.length);
    expect(blocks.length).toBeGreaterThan(3);
  });

  it("sends a row bigger than the budget on its own", async () => {
    const { context, syncs } = fakeContext();
    const { sheet, blocks } = fakeSheet();
    const batcher = createWriteBatcher(context, 1_000);
    await writeRowBlocks(batcher, sheet, { top: 0, left: 0, width: 1 }, [["small"], ["x".repeat(5_000)], ["small"]]);
    expect(blocks.map((b) => b.rows)).toEqual([1, 1, 1]);
    expect(syncs()).toBe(2);
  });
});
