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

/** Wall time (python start-up and imports included, as node's are for sctvm) and peak RSS. */
export function timePandas(xlsx: string, outDir: string, runs: number): PandasRun {
  const samples: number[] = [];
  const cpu: number[] = [];
  let maxRssKb = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(PYTHON, [PIPELINE, xlsx, outDir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    samples.push(performance.now() - t0);
    const report = readReport<{ maxRssKb: number; cpuMs: number }>(r.stderr);
    if (r.status !== 0 || !report) throw new Error(`pandas pipeline exited ${r.status}: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`);
    cpu.push(report.cpuMs);
    maxRssKb = Math.max(maxRssKb, report.maxRssKb);
  }
  return { timing: { ...summarise(samples), cpuMedian: summarise(cpu).median }, maxRssKb };
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
