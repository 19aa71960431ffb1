/** Runs a load-harness process for the export tests: bounded in time, output captured. */
import { spawn, type ChildProcess } from "node:child_process";

export interface HarnessRun {
  readonly code: number | null;
  readonly output: string;
}

const running = new Set<ChildProcess>();

/** Spawns `cmd args` in `cwd`; kills it (and fails) after `timeoutMs`. */
export function runHarness(cmd: string, args: readonly string[], cwd: string, timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<HarnessRun> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    let output = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (output += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`${cmd} did not finish within ${timeoutMs} ms:\n${output.slice(-3000)}`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      running.delete(child);
      done({ code, output });
    });
  });
}

/** Kills every harness process still running (afterAll). */
export function killHarnesses(): void {
  for (const c of running) c.kill("SIGKILL");
  running.clear();
}
