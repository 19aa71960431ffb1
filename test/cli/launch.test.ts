/**
 * bin/sctvm.js runs the CLI from one bundled file with a V8 code cache (src/cli/launch.ts):
 * the cache must fit this Node, the bundle must give exactly what lib/src gives, and a
 * bundle older than the compiled CLI must never run.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleIsCurrent } from "../../src/cli/launch";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { BIN, makeTempDir, ROOT } from "../support/run-cli";

const LAUNCH = join(ROOT, "lib", "src", "cli", "launch.js");
const MAIN = join(ROOT, "lib", "src", "cli", "main.js");
const SAMPLE = join(ROOT, "examples", "appendix-a-sample.xlsx");

const node = (args: readonly string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(process.execPath, args, { cwd, encoding: "utf8" });

function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

beforeAll(() => ensureCliBuilt(), 180_000);

describe("the CLI bundle", () => {
  it("is current after the build, and this Node accepts its code cache", () => {
    const probe = `const l = require(${JSON.stringify(LAUNCH)}); const fs = require("fs");
      const { cacheRejected } = l.compileBundle(l.BUNDLE_FILE, fs.readFileSync(l.CODE_CACHE_FILE));
      process.stdout.write(JSON.stringify({ current: l.bundleIsCurrent(), cacheRejected }));`;
    const r = node(["-e", probe]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ current: true, cacheRejected: false });
  });

  it("computes the sample exactly as lib/src/cli/main.js does: same exit code, stdout and files", () => {
    const tmp = makeTempDir("launch");
    try {
      const bundled = node([BIN, "compute", SAMPLE, "--out", join(tmp.dir, "bundled")]);
      const plain = node(["-e", `require(${JSON.stringify(MAIN)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`, "compute", SAMPLE, "--out", join(tmp.dir, "plain")]);
      expect(bundled.stderr).toBe(plain.stderr);
      expect(bundled.status).toBe(plain.status);
      expect(bundled.stdout.replace("/bundled", "/OUT")).toBe(plain.stdout.replace("/plain", "/OUT"));
      const files = filesOf(join(tmp.dir, "bundled"));
      expect(Object.keys(files)).toContain("rates-by-dmc.csv");
      expect(files).toEqual(filesOf(join(tmp.dir, "plain")));
    } finally {
      tmp.remove();
    }
  });
});

describe("bundleIsCurrent", () => {
  it("is false when the bundle is missing or older than the compiled main, true when newer", () => {
    const tmp = makeTempDir("launch-mtime");
    try {
      const bundle = join(tmp.dir, "sctvm-cli.js");
      const main = join(tmp.dir, "main.js");
      writeFileSync(main, "");
      expect(bundleIsCurrent(bundle, main)).toBe(false);
      writeFileSync(bundle, "");
      utimesSync(bundle, 1_000, 1_000);
      utimesSync(main, 2_000, 2_000);
      expect(bundleIsCurrent(bundle, main)).toBe(false);
      utimesSync(bundle, 3_000, 3_000);
      expect(bundleIsCurrent(bundle, main)).toBe(true);
    } finally {
      tmp.remove();
    }
  });
});
