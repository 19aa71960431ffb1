/**
 * Step of `npm run build:cli` (after tsc, before the bundle): builds the native addon — the
 * rates printer and the derivation of a phase (native/*.cc, native/binding.gyp) — into
 * native/build/Release/sctvm_native.node with node-gyp, the one npm carries, against Node's
 * own headers (npm's `nodedir`). Skipped when the addon is newer than its sources.
 * (binding.gyp is not at the package root: npm would then run `node-gyp rebuild` itself on
 * `npm ci`, and a machine without a compiler could not install.) A build that cannot be
 * done here is one warning line, not a failure: the engine then prints every line and
 * derives every phase in JavaScript (the same results, slower; see src/cli/native-addon.ts).
 * The test suite checks that it was built where g++ is present.
 * Usage: node lib/scripts/build-native.js
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const NATIVE = join(ROOT, "native");
const ADDON = join(NATIVE, "build", "Release", "sctvm_native.node");
/** native/*.cc, *.h and binding.gyp. */
const SOURCES = readdirSync(NATIVE)
  .filter((f) => /\.(cc|h|gyp)$/.test(f))
  .map((f) => join(NATIVE, f));

/** npm's own node-gyp: npm names it to its scripts; else beside this Node's npm. */
function nodeGyp(): string | undefined {
  const candidates = [process.env.npm_config_node_gyp, join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js")];
  return candidates.find((c): c is string => c !== undefined && c !== "" && existsSync(c));
}

/** Node's headers: npm's `nodedir` when it set one, else the prefix this Node runs from. */
function nodeDir(): string | undefined {
  const candidates = [process.env.npm_config_nodedir, join(dirname(process.execPath), "..")];
  return candidates.find((d): d is string => d !== undefined && d !== "" && existsSync(join(d, "include", "node", "node_api.h")));
}

function upToDate(): boolean {
  if (!existsSync(ADDON)) return false;
  const built = statSync(ADDON).mtimeMs;
  return SOURCES.every((s) => statSync(s).mtimeMs <= built);
}

function main(): void {
  if (upToDate()) return;
  const gyp = nodeGyp();
  const dir = nodeDir();
  if (!gyp || !dir) {
    console.warn(`build-native: not built (${!gyp ? "node-gyp not found" : "Node's headers not found"}); the CLI will print and derive in JavaScript`);
    return;
  }
  const run = spawnSync(process.execPath, [gyp, "rebuild", `--nodedir=${dir}`], { cwd: NATIVE, encoding: "utf8" });
  if (run.status !== 0 || !existsSync(ADDON)) {
    const why = `${run.stderr ?? ""}${run.stdout ?? ""}`.split("\n").filter((l) => /error/i.test(l)).slice(0, 3).join(" | ") || `node-gyp exited ${run.status}`;
    console.warn(`build-native: not built (${why}); the CLI will print and derive in JavaScript`);
  }
}

main();
