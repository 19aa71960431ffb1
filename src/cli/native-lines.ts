/**
 * The native printer of rates lines (native/series_lines.cc, built by node-gyp into
 * native/build/Release/sctvm_lines.node on `npm ci`; see scripts/build-native.ts). It
 * prints a figure with `std::to_chars` in fixed notation, which for 0 and for |x| in
 * [1e-6, 2^53) is exactly JavaScript's shortest round-trip form (what `String(x)` gives);
 * a series with any other figure (a NaN, an infinity, |x| < 1e-6 or ≥ 2^53) is left to the
 * engine's own printer. ~60 ns a line against ~350 ns in JavaScript. When the addon is
 * absent (no compiler on the machine, or a build that failed), every line is printed in
 * JavaScript: the same bytes, only slower. test/cli/native-lines.test.ts holds the two to
 * the same bytes.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { SeriesPrinter } from "../engine";

const ADDON = ["native", "build", "Release", "sctvm_lines.node"];

/** native/build/Release/sctvm_lines.node from lib/src/cli (tsc output), lib/ (the bundle) or src/cli (ts-jest). */
export function nativeAddonFile(): string | undefined {
  return [join(__dirname, "..", "..", "..", ...ADDON), join(__dirname, "..", ...ADDON), join(__dirname, "..", "..", ...ADDON)].find((f) => existsSync(f));
}

let loaded: { printer: SeriesPrinter | undefined } | undefined;

/** The native printer, or undefined when it is not built or does not load (then JavaScript prints). */
export function nativeSeriesPrinter(): SeriesPrinter | undefined {
  if (loaded) return loaded.printer;
  loaded = { printer: undefined };
  if (process.env.SCTVM_NATIVE === "0") return undefined;
  const file = nativeAddonFile();
  if (!file) return undefined;
  try {
    const addon = require(file) as { printSeries?: unknown };
    if (typeof addon.printSeries === "function") loaded.printer = addon.printSeries as SeriesPrinter;
  } catch {
    // Built for another Node, or a broken build: JavaScript prints.
  }
  return loaded.printer;
}
