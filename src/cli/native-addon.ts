/**
 * The native addon (native/*.cc, built by node-gyp into native/build/Release/sctvm_native.node
 * on `npm ci`; see scripts/build-native.ts), and the two things it does faster than
 * JavaScript for the CLI, each holding to the engine's result exactly:
 * - `printSeries`, the rates lines (series_lines.cc). It prints a figure with
 *   `std::to_chars` in fixed notation, which for 0 and for |x| in [1e-6, 2^53) is exactly
 *   JavaScript's shortest round-trip form (what `String(x)` gives); a series with any other
 *   figure (a NaN, an infinity, |x| < 1e-6 or ≥ 2^53) is left to the engine's own printer.
 *   ~60 ns a line against ~350 ns in JavaScript. test/cli/native-lines.test.ts holds the two
 *   to the same bytes.
 * - `derivePhase`, one phase of a derivation (derive_phase.cc): the engine's loop in C++,
 *   each figure the same double expression summed in the same order (built with
 *   -ffp-contract=off, so no multiply-add is fused). It starts fast where the engine's loop
 *   runs cold for tens of milliseconds. test/cli/native-derive.test.ts holds the two to the
 *   same bits.
 * - `scanSheetCells`, the cells of a worksheet part written in the plain form Excel,
 *   LibreOffice and openpyxl use for values (sheet_cells.cc): rows, cell references, styles,
 *   types and the `<v>` text's place, with no JavaScript object per tag. A part holding
 *   anything else (a formula, an inline string, a merge, an entity, CDATA, a prefixed
 *   element, …) is left whole to the JavaScript reader. test/cli/native-sheet-cells.test.ts
 *   holds the two to the same cells.
 * When the addon is absent (no compiler on the machine, or a build that failed) or
 * SCTVM_NATIVE=0, the engine does both: the same results, only slower.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { PhaseDeriver, SeriesPrinter } from "../engine";
import type { SheetCellScanner } from "../io/xlsx/read-sheet-part";

const ADDON = ["native", "build", "Release", "sctvm_native.node"];

/** native/build/Release/sctvm_native.node from lib/src/cli (tsc output), lib/ (the bundle) or src/cli (ts-jest). */
export function nativeAddonFile(): string | undefined {
  return [join(__dirname, "..", "..", "..", ...ADDON), join(__dirname, "..", ...ADDON), join(__dirname, "..", "..", ...ADDON)].find((f) => existsSync(f));
}

interface NativeAddon {
  readonly printer: SeriesPrinter | undefined;
  readonly deriver: PhaseDeriver | undefined;
  readonly scanner: SheetCellScanner | undefined;
}

let loaded: NativeAddon | undefined;

function addon(): NativeAddon {
  if (loaded) return loaded;
  loaded = { printer: undefined, deriver: undefined, scanner: undefined };
  if (process.env.SCTVM_NATIVE === "0") return loaded;
  const file = nativeAddonFile();
  if (!file) return loaded;
  try {
    const exports = require(file) as { printSeries?: unknown; derivePhase?: unknown; scanSheetCells?: unknown };
    loaded = {
      printer: typeof exports.printSeries === "function" ? (exports.printSeries as SeriesPrinter) : undefined,
      deriver: typeof exports.derivePhase === "function" ? (exports.derivePhase as PhaseDeriver) : undefined,
      scanner: typeof exports.scanSheetCells === "function" ? (exports.scanSheetCells as SheetCellScanner) : undefined,
    };
  } catch {
    // Built for another Node, or a broken build: the engine does it in JavaScript.
  }
  return loaded;
}

/** The native printer, or undefined when it is not built or does not load (then JavaScript prints). */
export function nativeSeriesPrinter(): SeriesPrinter | undefined {
  return addon().printer;
}

/** The native derivation of a phase, or undefined when it is not built or does not load (then the engine derives). */
export function nativePhaseDeriver(): PhaseDeriver | undefined {
  return addon().deriver;
}

/** The native scanner of plain worksheet parts, or undefined when it is not built or does not load (then JavaScript reads every part). */
export function nativeSheetScanner(): SheetCellScanner | undefined {
  return addon().scanner;
}
