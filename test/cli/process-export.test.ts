/**
 * `node bin/sctvm.js export`: every format of the sample model written whole and equal to
 * the golden files, paths printed; refused models, bad options and the help text.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EXPORT_FORMATS } from "../../src/export";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { makeTempDir, runProcess } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";

const GOLDEN = join(__dirname, "../golden/export");
const BROKEN = join(__dirname, "../fixtures/broken/bad-enum-stream.xlsx");
jest.setTimeout(60_000);

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  ensureCliBuilt();
  tmp = makeTempDir("export");
});
afterAll(() => tmp.remove());

describe("sctvm export", () => {
  it("writes every format for one provider, byte-identical to the golden files, and prints the paths", async () => {
    const out = join(tmp.dir, "moc");
    const run = await runProcess(["export", SAMPLE_XLSX, "--format", "all", "--phase", "MOC", "--provider", "S1SP", "--out", out], tmp.dir);
    expect({ code: run.code, stderr: run.code === 0 ? "" : run.stderr }).toEqual({ code: 0, stderr: "" });
    const golden = readdirSync(join(GOLDEN, "moc-s1sp-default")).filter((f) => f !== "notes.txt").sort();
    expect(readdirSync(out).sort()).toEqual(golden);
    expect(run.stdout.trim().split("\n").sort()).toEqual(golden.map((f) => join(out, f)).sort());
    for (const f of golden) expect(readFileSync(join(out, f), "utf8")).toBe(readFileSync(join(GOLDEN, "moc-s1sp-default", f), "utf8"));
    // Rounding and the Throughput Shaping Timer profile are printed.
    expect(run.stderr).toMatch(/MOC_S1SP\.k6\.js: rounding to whole targets per timeUnit/);
    expect(run.stderr).toMatch(/MOC_S1SP\.jmx: .*load_profile=const\(/);
  });

  it("writes a file set per provider with load, honours the options and --stamp", async () => {
    const out = join(tmp.dir, "foc");
    const args = ["export", SAMPLE_XLSX, "--format", "json,csv", "--phase", "foc", "--out", out, "--hours", "22-2", "--seconds-per-hour", "60", "--shape", "ramp", "--stamp", "2026-12-02T12:00:00Z"];
    const run = await runProcess(args, tmp.dir);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["FOC_DSP.csv", "FOC_DSP.json", "FOC_S1SP.csv", "FOC_S1SP.json"]);
    expect(run.stderr).toMatch(/FOC CP: no load in hours 22-2; no files written/);
    const doc = JSON.parse(readFileSync(join(out, "FOC_S1SP.json"), "utf8")) as { stamp: string; options: { shape: string; secondsPerHour: number }; totals: { steps: number } };
    expect([doc.stamp, doc.options.shape, doc.options.secondsPerHour, doc.totals.steps]).toEqual(["2026-12-02T12:00:00Z", "ramp", 60, 10]);
  });

  it("refuses a model with errors: exit 2, the issues on stderr, nothing written", async () => {
    const out = join(tmp.dir, "broken");
    const run = await runProcess(["export", BROKEN, "--format", "all", "--phase", "MOC", "--out", out], tmp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: BAD_ENUM /m);
    expect(run.stderr).toMatch(/nothing exported/);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [["--format", "k7"], /--format: unknown 'k7'/],
    [["--format", "csv", "--hours", "24-2"], /--hours must be A-B/],
    [["--format", "csv", "--scale", "-1"], /--scale must be a number greater than 0/],
    [["--format", "csv", "--target", "file:///etc"], /--target must be an http\(s\) URL/],
    [["--format", "csv", "--provider", "XYZ"], /no provider 'XYZ' in the model; providers: DSP, CP, DCO, S1SP/],
  ])("exits 3 with one line for bad usage %j", async (extra, message) => {
    const run = await runProcess(["export", SAMPLE_XLSX, "--phase", "MOC", "--out", join(tmp.dir, "bad"), ...extra], tmp.dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("--help shows how to run every format alone and across N generators", async () => {
    const run = await runProcess(["export", "--help"], tmp.dir);
    expect(run.code).toBe(0);
    for (const f of EXPORT_FORMATS) expect(run.stdout).toMatch(new RegExp(`^  ${f.id} `, "m"));
    for (const needle of ["k6 run", "parallelism N", "jmeter -n -t", "-R host1", "--master --expect-workers N", "--worker --master-host", "artillery run-fargate --count N", "npx gatling run"]) {
      expect(run.stdout).toContain(needle);
    }
  });
});
