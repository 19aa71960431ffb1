/**
 * How bin/sctvm.js finds the CLI. `npm run build:cli` compiles src/ to lib/ and then bundles
 * the CLI into one file (lib/sctvm-cli.js) with a V8 code cache beside it
 * (lib/sctvm-cli.js.cache, made by a warm-up `compute` of the sample model, see
 * scripts/bundle-cli.ts). Loading one cached file instead of ~180 modules, each found,
 * read and compiled, saves about 100 ms of every run (docs/decisions.md, "Speed").
 *
 * The bundle is used only when it is newer than lib/src/cli/main.js, so a plain `tsc`
 * after a change never runs stale code; a cache that does not fit this Node (another V8
 * version or flags) is ignored by V8 and the bundle compiles as usual.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

export type CliMain = (argv: readonly string[], io?: import("./io").Io) => Promise<number>;

/** lib/sctvm-cli.js, from lib/src/cli. */
export const BUNDLE_FILE = join(__dirname, "..", "..", "sctvm-cli.js");
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.cache`;
const UNBUNDLED_MAIN = join(__dirname, "main.js");

/** The bundle compiled (with `cachedData` when given) and run as a CommonJS module. */
export function compileBundle(bundleFile: string, cachedData?: Buffer): { readonly main: CliMain; readonly script: Script; readonly cacheRejected: boolean } {
  const source = readFileSync(bundleFile, "utf8");
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundleFile, cachedData });
  const module = { exports: {} as { main?: CliMain } };
  const factory = script.runInThisContext() as (e: object, r: NodeRequire, m: object, f: string, d: string) => void;
  factory(module.exports, createRequire(bundleFile), module, bundleFile, dirname(bundleFile));
  if (typeof module.exports.main !== "function") throw new Error(`internal error: ${bundleFile} has no main`);
  return { main: module.exports.main, script, cacheRejected: cachedData !== undefined && script.cachedDataRejected === true };
}

/** Whether the bundle exists and was made after the last compile of the CLI. */
export function bundleIsCurrent(bundleFile = BUNDLE_FILE, mainFile = UNBUNDLED_MAIN): boolean {
  try {
    return statSync(bundleFile).mtimeMs >= statSync(mainFile).mtimeMs;
  } catch {
    return false;
  }
}

/** The CLI's main: from the current bundle and its code cache, else from lib/src/cli/main.js. */
export function loadCliMain(): CliMain {
  if (!bundleIsCurrent()) return (require("./main") as typeof import("./main")).main;
  const cachedData = existsSync(CODE_CACHE_FILE) ? readFileSync(CODE_CACHE_FILE) : undefined;
  return compileBundle(BUNDLE_FILE, cachedData).main;
}
