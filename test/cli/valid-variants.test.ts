/**
 * Every workbook of test/fixtures/valid is the sample model laid out differently: it must
 * compute byte-identical results, and the same fingerprint where its values are the same.
 */
import { RUN_RECORD } from "../../src/cli/write-outputs";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT_FILES } from "../../src/engine";
import { issueKeys, readValidCases, VALID_DIR } from "../support/fixture-cases";
import { readCsvFile } from "../support/read-csv-file";
import { linesOf, makeTempDir, runMain } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";

const RESULT_FILES = OUTPUT_FILES.filter((f) => f !== "issues.csv");
const ALL_FILES = [...OUTPUT_FILES, RUN_RECORD].sort();
const manifest = readValidCases();

let tmp: ReturnType<typeof makeTempDir>;
let sampleOut: string;
let sampleFingerprint: string;

async function fingerprintOf(file: string): Promise<{ code: number; fingerprint: string | null }> {
  const run = await runMain(["validate", file, "--json"], tmp.dir);
  return { code: run.code, fingerprint: (JSON.parse(run.stdout) as { fingerprint: string | null }).fingerprint };
}

beforeAll(async () => {
  tmp = makeTempDir("valid");
  sampleOut = join(tmp.dir, "sample");
  expect((await runMain(["compute", SAMPLE_XLSX, "--out", sampleOut], tmp.dir)).code).toBe(1);
  const sample = await fingerprintOf(SAMPLE_XLSX);
  expect(sample.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  sampleFingerprint = sample.fingerprint as string;
});
afterAll(() => tmp.remove());

describe("the valid-variant corpus", () => {
  it("lists every workbook in the folder once", () => {
    const files = readdirSync(VALID_DIR).filter((f) => f.endsWith(".xlsx")).sort();
    expect(manifest.cases.map((c) => c.file).sort()).toEqual(files);
  });

  for (const c of manifest.cases) {
    const file = join(VALID_DIR, c.file);

    it(`${c.file}: computes the sample's four result CSVs byte for byte (exit 1 for its one FAIL)`, async () => {
      const out = join(tmp.dir, c.file.replace(/\.xlsx$/, ""));
      const run = await runMain(["compute", file, "--out", out], tmp.dir);
      expect(run.code).toBe(1);
      expect(linesOf(run.stderr)).toHaveLength(c.warnings.length);
      expect(readdirSync(out).sort()).toEqual(ALL_FILES);
      for (const f of RESULT_FILES) {
        const same = readFileSync(join(out, f)).equals(readFileSync(join(sampleOut, f)));
        expect({ file: f, same }).toEqual({ file: f, same: true });
      }
      const issues = readCsvFile(join(out, "issues.csv")).records;
      expect(issues.every((i) => i.severity === "warning")).toBe(true);
      expect(issueKeys(issues as never)).toEqual(issueKeys(c.warnings));
    });

    it(`${c.file}: validates with no errors and ${c.sameFingerprint ? "the sample's" : "its own"} fingerprint`, async () => {
      const { code, fingerprint } = await fingerprintOf(file);
      expect(code).toBe(0);
      if (c.sameFingerprint) expect(fingerprint).toBe(sampleFingerprint);
      else expect(fingerprint).not.toBe(sampleFingerprint);
    });
  }
});
