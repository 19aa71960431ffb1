/**
 * The last step of `npm run build:cli` (after tsc): bundles lib/src/cli/main.js and its
 * dependencies into lib/sctvm-cli.js with esbuild, then runs a warm-up `compute` and
 * `validate` of the sample model through that bundle and saves V8's code cache of it
 * (lib/sctvm-cli.js.cache), so a run compiles almost nothing. bin/sctvm.js loads them
 * through src/cli/launch.ts. Both files are written whole (temporary file, then rename).
 * Usage: node lib/scripts/bundle-cli.js
 */
import { buildSync } from "esbuild";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT } from "../src/cli/exit-codes";
import type { Io } from "../src/cli/io";
import { BUNDLE_FILE, CODE_CACHE_FILE, compileBundle } from "../src/cli/launch";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "examples", "appendix-a-sample.xlsx");

function writeWhole(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

async function main(): Promise<void> {
  const built = buildSync({
    entryPoints: [join(ROOT, "lib", "src", "cli", "main.js")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    write: false,
    logLevel: "warning",
  });
  const output = built.outputFiles[0];
  if (!output) throw new Error("esbuild wrote no bundle");
  rmSync(CODE_CACHE_FILE, { force: true });
  writeWhole(BUNDLE_FILE, output.contents);

  const { main: cliMain, script } = compileBundle(BUNDLE_FILE);
  const quiet: Io = { out: () => undefined, err: () => undefined, cwd: ROOT };
  const dir = mkdtempSync(join(tmpdir(), "sctvm-warm-up-"));
  try {
    for (const argv of [["compute", SAMPLE, "--out", join(dir, "out")], ["validate", SAMPLE]]) {
      const code = await cliMain(argv, quiet);
      // The sample has FAIL statuses on purpose (exit 1); anything more is a broken build.
      if (code !== EXIT.ok && code !== EXIT.fail) throw new Error(`warm-up 'sctvm ${argv[0]}' of the sample model exited ${code}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cache = script.createCachedData();
  writeWhole(CODE_CACHE_FILE, cache);
  console.log(`${BUNDLE_FILE}: ${(output.contents.length / 1024).toFixed(0)} kB; code cache ${(cache.length / 1024).toFixed(0)} kB`);
}

main().catch((error: unknown) => {
  console.error(`bundle-cli: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
