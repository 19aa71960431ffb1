/**
 * Runs the real CLI (`main` as bin/sctvm.js loads it: the bundle with its code cache) in this process
 * and, at exit, reports its peak resident set size and heap on stderr for the bench.
 * Usage: node lib/bench/cli-child.js compute <model.xlsx> --out <dir>
 */
import { loadCliMain } from "../src/cli/launch";
import { writeReport } from "./child-report";

/** What the child reports at exit. */
export interface CliChildReport {
  /** Peak resident set size of the whole process, kB (getrusage ru_maxrss). */
  readonly maxRssKb: number;
  /** V8 heap in use at exit, bytes. */
  readonly heapUsed: number;
  /** V8 heap reserved at exit, bytes. */
  readonly heapTotal: number;
  /** CPU time of the whole process (user + system, all threads), ms. */
  readonly cpuMs: number;
  /** Milliseconds since the process started (node bootstrap included). */
  readonly uptimeMs: number;
  readonly exitCode: number;
}

let exitCode = -1;
process.on("exit", () => {
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  const report: CliChildReport = {
    maxRssKb: process.resourceUsage().maxRSS,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    uptimeMs: performance.now(),
    exitCode,
  };
  writeReport(report);
});
void loadCliMain()(process.argv.slice(2)).then((code) => {
  exitCode = code;
  process.exitCode = code;
});
