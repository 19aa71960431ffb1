/**
 * The child-process tests run the compiled CLI (lib/). `npm test` is meant to build it first;
 * when lib/ or the native addon is missing or older than a source file, this builds them
 * once as `npm run build:cli` does (tsc, the native addon, then the bundle with its code
 * cache; under a lock, since jest runs test files in parallel workers), so `npx jest` alone
 * works too.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleIsCurrent } from "../../src/cli/launch";
import { ROOT } from "./run-cli";

const MAIN_JS = join(ROOT, "lib", "src", "cli", "main.js");
const BUNDLE_JS = join(ROOT, "lib", "sctvm-cli.js");
const SOURCES = ["src/engine", "src/cli", "src/io/xlsx", "src/io/ports.ts", "src/export", "src/evidence", "scripts/bundle-cli.ts", "scripts/build-native.ts"];
const ADDON = join(ROOT, "native", "build", "Release", "sctvm_native.node");
/** The addon's sources: native/*.cc, *.h and binding.gyp. */
const NATIVE_SOURCES = readdirSync(join(ROOT, "native"))
  .filter((f) => /\.(cc|h|gyp)$/.test(f))
  .map((f) => join("native", f));
const LOCK = join(tmpdir(), `sctvm-build-lock-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}`);

function newestSourceMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.ts$/.test(path) && !/\.test\.ts$/.test(path) ? stat.mtimeMs : 0;
  return Math.max(0, ...readdirSync(path).map((f) => newestSourceMs(join(path, f))));
}

function isFresh(): boolean {
  if (!existsSync(MAIN_JS) || !bundleIsCurrent(BUNDLE_JS, MAIN_JS)) return false;
  const built = statSync(MAIN_JS).mtimeMs;
  if (!existsSync(ADDON) || NATIVE_SOURCES.some((s) => statSync(join(ROOT, s)).mtimeMs > statSync(ADDON).mtimeMs)) return false;
  return SOURCES.every((s) => newestSourceMs(join(ROOT, s)) <= built);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function acquireLock(): Promise<void> {
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      // Another worker builds; a lock older than 5 minutes is left over from a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000) rmdirSync(LOCK);
      if (waited > 180_000) throw new Error(`timed out waiting for ${LOCK}`);
      await sleep(250);
    }
  }
}

/** Builds lib/ with `tsc -p tsconfig.cli.json` and bundles it unless it is up to date. */
export async function ensureCliBuilt(): Promise<void> {
  if (isFresh()) return;
  await acquireLock();
  try {
    if (isFresh()) return;
    try {
      execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
    } catch (e) {
      // tsc still emits on type errors; those are the typecheck step's to report.
      if (!existsSync(MAIN_JS)) throw new Error(`could not build the CLI: ${String((e as { stdout?: unknown }).stdout ?? e)}`);
    }
    execFileSync(process.execPath, [join(ROOT, "lib", "scripts", "build-native.js")], { cwd: ROOT, stdio: "pipe" });
    execFileSync(process.execPath, [join(ROOT, "lib", "scripts", "bundle-cli.js")], { cwd: ROOT, stdio: "pipe" });
  } finally {
    rmdirSync(LOCK);
  }
}
