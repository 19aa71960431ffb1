/**
 * The side-by-side figure of the bench: `sctvm compute` against a pandas pipeline that
 * writes the same five CSV files (bench/pandas_pipeline.py, run by Debian's /usr/bin/python3
 * with python3-pandas). Before a time is reported the two output folders are compared: same
 * files, same header, same keys in the same order, every figure within 1e-9 relative.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { splitCsv } from "../src/evidence/parse-csv-rows";
import { readReport } from "./child-report";
import { REPO_ROOT } from "./cli-bench";
import { summarise, type Timing } from "./measure";

export const PYTHON = "/usr/bin/python3";
const PIPELINE = join(REPO_ROOT, "bench", "pandas_pipeline.py");
const FILES = ["issues.csv", "provider-summary.csv", "provider-hourly.csv", "rates-by-dmc.csv", "rates-by-transaction.csv"];

/** Why pandas cannot run here, or undefined when it can. */
export function pandasMissing(): string | undefined {
  const r = spawnSync(PYTHON, ["-c", "import pandas, openpyxl"], { encoding: "utf8" });
  if (r.error) return `${PYTHON} not found`;
  return r.status === 0 ? undefined : "pandas or openpyxl missing (apt-get install python3-pandas python3-openpyxl)";
}

export interface PandasRun {
  readonly timing: Timing;
  readonly maxRssKb: number;
}

/** One run of the pipeline: wall ms (python start-up and imports included, as node's are for sctvm), its CPU ms and peak RSS. */
function runPandas(xlsx: string, outDir: string): { ms: number; cpuMs: number; maxRssKb: number } {
  const t0 = performance.now();
  const r = spawnSync(PYTHON, [PIPELINE, xlsx, outDir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const report = readReport<{ maxRssKb: number; cpuMs: number }>(r.stderr);
  if (r.status !== 0 || !report) throw new Error(`pandas pipeline exited ${r.status}: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  return { ms, cpuMs: report.cpuMs, maxRssKb: report.maxRssKb };
}

export interface SideBySide {
  readonly sctvm: Timing;
  readonly pandas: PandasRun;
  /** pandas ÷ sctvm of each pair of runs taken one after the other. */
  readonly ratios: Timing & { readonly max: number };
}

/**
 * `runs` pairs, each an sctvm run and a pandas run one after the other (which goes first
 * alternates): on a shared machine whose speed drifts from minute to minute, the ratio of
 * runs taken side by side is steadier than the ratio of two medians taken minutes apart.
 * One untimed run of each first.
 */
export function timeSideBySide(xlsx: string, sctvmOut: string, pandasOut: string, runs: number, runSctvm: () => number): SideBySide {
  runSctvm();
  runPandas(xlsx, pandasOut);
  const mine: number[] = [];
  const theirs: ReturnType<typeof runPandas>[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      mine.push(runSctvm());
      theirs.push(runPandas(xlsx, pandasOut));
    } else {
      theirs.push(runPandas(xlsx, pandasOut));
      mine.push(runSctvm());
    }
  }
  const ratios = theirs.map((t, i) => t.ms / (mine[i] as number));
  return {
    sctvm: summarise(mine),
    pandas: { timing: { ...summarise(theirs.map((t) => t.ms)), cpuMedian: summarise(theirs.map((t) => t.cpuMs)).median }, maxRssKb: Math.max(...theirs.map((t) => t.maxRssKb)) },
    ratios: { ...summarise(ratios), max: Math.max(...ratios) },
  };
}

function rowsOf(path: string): string[][] {
  const parsed = splitCsv(readFileSync(path, "utf8"));
  if ("error" in parsed) throw new Error(`${path} line ${parsed.error.line}: ${parsed.error.message}`);
  return parsed.rows.map((r) => r.fields);
}

const sameFigure = (a: string, b: string): boolean => {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  if (a === "" || b === "" || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
};

/**
 * Where two output folders first disagree, or undefined when every file agrees.
 * @example outputsDisagree("out/sctvm", "out/pandas") // undefined
 */
export function outputsDisagree(sctvmDir: string, pandasDir: string): string | undefined {
  for (const file of FILES) {
    const mine = rowsOf(join(sctvmDir, file));
    const theirs = rowsOf(join(pandasDir, file));
    if (mine.length !== theirs.length) return `${file}: ${mine.length} rows from sctvm, ${theirs.length} from pandas`;
    for (let r = 0; r < mine.length; r++) {
      const a = mine[r] as string[];
      const b = theirs[r] as string[];
      const c = a.findIndex((v, i) => !sameFigure(v, b[i] ?? ""));
      if (c >= 0 || a.length !== b.length) return `${file} line ${r + 1}: sctvm ${a.join(",")} / pandas ${b.join(",")}`;
    }
  }
  return undefined;
}
