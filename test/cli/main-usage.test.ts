/** Usage errors through `main(argv, io)`: exit 3 and one stderr line naming the problem. */
import { linesOf, makeTempDir, runMain } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir("main-usage");
});
afterAll(() => tmp.remove());

describe("sctvm usage errors", () => {
  it.each([
    ["compute without --out", ["compute", SAMPLE_XLSX], "--out"],
    ["two workbooks to validate", ["validate", SAMPLE_XLSX, SAMPLE_XLSX], "got 2"],
    ["an unknown option", ["validate", SAMPLE_XLSX, "--verbose"], "--verbose"],
    ["an option without its value", ["compute", SAMPLE_XLSX, "--out"], "--out"],
    ["explain without --hour", ["explain", SAMPLE_XLSX, "--phase", "IOC", "--provider", "DSP"], "--hour"],
    ["an hour outside 0-23", ["explain", SAMPLE_XLSX, "--phase", "IOC", "--provider", "DSP", "--hour", "24"], "24"],
    ["an hour that is not a whole number", ["explain", SAMPLE_XLSX, "--phase", "IOC", "--provider", "DSP", "--hour", "2.5"], "2.5"],
  ])("exits 3 with one stderr line for %s", async (_what, argv, mentions) => {
    const run = await runMain(argv, tmp.dir);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 3, stdout: "" });
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(mentions);
  });

  it("prints the usage and exits 3 when no command is given", async () => {
    const run = await runMain([], tmp.dir);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("Usage:");
  });
});
