/**
 * Never a "JavaScript heap out of memory" crash: a workbook whose parts would need more heap
 * to read and check than the Node process may use is refused before anything is inflated,
 * in one line with the figures and the ways out (issue 9). Run in real child processes with a
 * small heap (--max-old-space-size=128); the workbook's headers declare a 100 MiB sheet, so
 * nothing large is made or inflated.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkHeapRoom, HEAP_PER_PACKAGE_BYTE, PackageRefused } from "../../src/io/xlsx/package-bounds";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { BIN, linesOf, makeTempDir } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";
import { lieAboutSize, packageParts, zipParts } from "../support/xlsx-package";

const MIB = 1024 * 1024;
let tmp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  tmp = makeTempDir("heap-room");
  await ensureCliBuilt();
}, 180_000);
afterAll(() => tmp.remove());

const underSmallHeap = (args: readonly string[]): ReturnType<typeof spawnSync> =>
  spawnSync(process.execPath, ["--max-old-space-size=128", BIN, ...args], { cwd: tmp.dir, encoding: "utf8" });

describe("a workbook too large for the heap", () => {
  it("is refused before anything is inflated, in one line with the figures and the ways out", () => {
    const parts = packageParts({ sheets: [{ name: "Settings", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Setting</t></is></c></row>' }] });
    const file = join(tmp.dir, "declares-100-MiB.xlsx");
    writeFileSync(file, lieAboutSize(zipParts(parts), "xl/worksheets/sheet1.xml", 100 * MIB));
    const run = underSmallHeap(["compute", file, "--out", join(tmp.dir, "out")]);
    expect(run.status).toBe(3);
    expect(linesOf(String(run.stderr))).toEqual([
      expect.stringMatching(/^sctvm: cannot read '.*declares-100-MiB\.xlsx': refused: reading and checking it needs about 500 MiB of memory \(its parts expand to 100 MiB\), more than the \d+ MiB this Node process may use: split the model into smaller workbooks \(by phase or by group of DMCs\), or give Node more \(NODE_OPTIONS=--max-old-space-size=768\)$/),
    ]);
    expect(existsSync(join(tmp.dir, "out"))).toBe(false);
  });

  it("is not said of an ordinary model under the same small heap", () => {
    const run = underSmallHeap(["compute", SAMPLE_XLSX, "--out", join(tmp.dir, "sample")]);
    expect(String(run.stderr)).toBe("");
    expect(run.status).toBe(1); // the sample has a FAIL on purpose
    expect(existsSync(join(tmp.dir, "sample", "sctvm-run.json"))).toBe(true);
  });
});

describe("checkHeapRoom", () => {
  it("allows up to the limit and refuses past it, counting every part", () => {
    const parts = [{ size: 10 * MIB }, { size: 6 * MIB }];
    const needed = 16 * MIB * HEAP_PER_PACKAGE_BYTE;
    expect(() => checkHeapRoom(parts, needed)).not.toThrow();
    expect(() => checkHeapRoom(parts, needed - 1)).toThrow(PackageRefused);
    expect(() => checkHeapRoom(parts, needed - 1)).toThrow(/needs about 80 MiB of memory \(its parts expand to 16 MiB\), more than the 80 MiB/);
  });
});
