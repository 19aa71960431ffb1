/**
 * Sections (2) and (3) of the bench: the CLI as a user runs it, in child processes:
 * end-to-end wall time of `node bin/sctvm.js compute`, node's own start-up, a cold
 * stage-by-stage split, and the child's peak resident set size.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { readReport } from "./child-report";
import type { CliChildReport } from "./cli-child";
import { summarise, type Timing } from "./measure";
import type { SplitReport } from "./split-child";

/** The repository root (this file runs from lib/bench/). */
export const REPO_ROOT = resolve(__dirname, "../..");
const SCTVM = join(REPO_ROOT, "bin", "sctvm.js");

/** Runs node with `args`; returns wall ms, exit code and output. */
function runNode(args: readonly string[], env: NodeJS.ProcessEnv = process.env): { ms: number; status: number; stdout: string; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  return { ms, status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Wall time of `node -e 0`: what any node CLI pays before its first line. With `env`, in
 * that environment (the bench measures start-up without NODE_EXTRA_CA_CERTS where it is
 * set: Node 20 reads and parses that file of certificates at every start).
 */
export function timeNodeStartup(runs: number, env: NodeJS.ProcessEnv = process.env): Timing {
  runNode(["-e", "0"], env);
  return summarise(Array.from({ length: runs }, () => runNode(["-e", "0"], env).ms));
}

/**
 * Wall time of `node bin/sctvm.js compute <xlsx> --out <dir>`, one untimed run first (disk
 * cache). Exit codes other than 0 (all PASS) and 1 (some FAIL) are a broken bench.
 */
export function timeCli(xlsx: string, outDir: string, runs: number): { timing: Timing; exitCode: number } {
  const args = [SCTVM, "compute", xlsx, "--out", outDir];
  const first = runNode(args);
  if (first.status !== 0 && first.status !== 1) throw new Error(`sctvm compute exited ${first.status}: ${first.stderr.trim()}`);
  const samples = Array.from({ length: runs }, () => runNode(args).ms);
  return { timing: summarise(samples), exitCode: first.status };
}

/** One `node bin/sctvm.js compute <xlsx> --out <dir>`: its wall ms (exit 0 or 1, else the bench is broken). */
export function runCompute(xlsx: string, outDir: string): number {
  const r = runNode([SCTVM, "compute", xlsx, "--out", outDir]);
  if (r.status !== 0 && r.status !== 1) throw new Error(`sctvm compute exited ${r.status}: ${r.stderr.trim()}`);
  return r.ms;
}

/** The CLI run under bench/cli-child.js, which reports its peak RSS; one report per run. */
export function cliMemory(xlsx: string, outDir: string, runs: number, extra: readonly string[] = []): CliChildReport[] {
  return Array.from({ length: runs }, () => {
    const r = runNode([join(__dirname, "cli-child.js"), "compute", xlsx, "--out", outDir, ...extra]);
    const report = readReport<CliChildReport>(r.stderr);
    if (!report) throw new Error(`cli-child gave no report (exit ${r.status}): ${r.stderr.trim()}`);
    return report;
  });
}

/** The cold stage-by-stage split, median of `runs` fresh processes, per stage. */
export function cliSplit(xlsx: string, outDir: string, runs: number): Record<keyof SplitReport, Timing> {
  const reports = Array.from({ length: runs }, () => {
    const r = runNode([join(__dirname, "split-child.js"), xlsx, outDir]);
    const report = readReport<SplitReport>(r.stderr);
    if (!report) throw new Error(`split-child gave no report (exit ${r.status}): ${r.stderr.trim()}`);
    return report;
  });
  const first = reports[0] as SplitReport;
  const keys = Object.keys(first) as (keyof SplitReport)[];
  return Object.fromEntries(keys.map((k) => [k, summarise(reports.map((r) => r[k]))])) as Record<keyof SplitReport, Timing>;
}

/** Data rows (lines after the header) and bytes of each CSV in `dir`. */
export function csvStats(dir: string): { file: string; rows: number; bytes: number }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const text = readFileSync(path, "utf8");
      const lines = text.split("\n").length - 1; // final newline
      return { file, rows: lines - 1, bytes: statSync(path).size };
    });
}
