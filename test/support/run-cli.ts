/**
 * Runs the CLI for tests: in-process through `main(argv, io)` (fast, for the corpora), or
 * as a real child process `node bin/sctvm.js` (exit codes, stderr lines, the launcher).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main";

export const ROOT = resolve(__dirname, "../..");
export const BIN = join(ROOT, "bin", "sctvm.js");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `main(argv, io)` with captured output; each `io` call is one line. */
export async function runMain(argv: readonly string[], cwd: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  const join_ = (lines: string[]): string => lines.map((l) => (l.endsWith("\n") ? l : `${l}\n`)).join("");
  return { code, stdout: join_(out), stderr: join_(err) };
}

/** `node bin/sctvm.js …args` in `cwd`; resolves when the process exits. */
export function runProcess(args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code, signal) => (code === null ? fail(new Error(`sctvm killed by ${signal}`)) : done({ code, stdout, stderr })));
  });
}

/** Non-empty lines of a stream's text. */
export function linesOf(text: string): string[] {
  return text.split("\n").filter((l) => l !== "");
}

/** A fresh temporary folder and its remover. */
export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `sctvm-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs of `node bin/sctvm.js` started ahead and awaited by each test, at most one per CPU
 * at a time: a file of many small end-to-end checks then costs about half as long.
 * @example const runs = new ProcessRuns(() => dir); runs.start(["--help"]); … await runs.get(["--help"])
 */
export class ProcessRuns {
  private readonly runs = new Map<string, Promise<CliRun>>();
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly limit = Math.max(1, availableParallelism());

  constructor(private readonly cwd: () => string) {}

  start(...argvs: (readonly string[])[]): void {
    for (const argv of argvs) this.get(argv).catch(() => undefined);
  }

  get(argv: readonly string[]): Promise<CliRun> {
    const key = JSON.stringify(argv);
    let run = this.runs.get(key);
    if (!run) {
      run = this.slot().then(() => runProcess(argv, this.cwd()).finally(() => this.release()));
      this.runs.set(key, run);
    }
    return run;
  }

  private slot(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((go) => this.queue.push(go));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}
