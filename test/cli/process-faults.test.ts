/**
 * Faults while `compute` writes: real child processes killed (SIGINT, SIGTERM, SIGKILL) at
 * seeded random moments, and a write that fails part-way (a file-size limit, as a full
 * disk does). After each, the folder holds one complete set (the old or the new, its run
 * record matching every file's size and hash) and no temporary file; a SIGKILL may leave
 * temporary files, which the next run removes.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RUN_RECORD } from "../../src/cli/write-outputs";
import { setCell } from "../support/model-edits";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { BIN, linesOf, makeTempDir, runProcess } from "../support/run-cli";
import { loadSampleModel, SAMPLE_XLSX, toWorkbookSpec } from "../support/sample-model";
import { writeWorkbookFile } from "../support/write-workbook";

jest.setTimeout(240_000);
let tmp: ReturnType<typeof makeTempDir>;
let modelB: string;

beforeAll(async () => {
  await ensureCliBuilt();
  tmp = makeTempDir("faults");
  const book = loadSampleModel();
  setCell(book, "Volumes", 1, "Population", 777_777);
  modelB = join(tmp.dir, "model-b.xlsx");
  await writeWorkbookFile(modelB, toWorkbookSpec(book));
});
afterAll(() => tmp.remove());

interface Record_ {
  readonly fingerprint: string;
  readonly files: { file: string; bytes: number; sha256: string }[];
}
const temps = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith(".tmp"));
const csvs = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith(".csv")).sort();

/** The folder's set is complete: its record lists exactly the CSVs present, each matching. */
function completeSet(dir: string): Record_ {
  const record = JSON.parse(readFileSync(join(dir, RUN_RECORD), "utf8")) as Record_;
  expect(record.files.map((f) => f.file).sort()).toEqual(csvs(dir));
  for (const f of record.files) {
    const bytes = readFileSync(join(dir, f.file));
    expect({ file: f.file, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }).toEqual(f);
  }
  return record;
}

/** A small seeded generator (mulberry32), so a failing trial can be rerun exactly. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function killAfter(args: string[], delayMs: number, signal: NodeJS.Signals, env: NodeJS.ProcessEnv = process.env): Promise<{ pid: number; code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: tmp.dir, stdio: ["ignore", "ignore", "pipe"], env });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill(signal), delayMs);
    child.on("close", (code, sig) => {
      clearTimeout(timer);
      done({ pid: child.pid ?? -1, code, signal: sig, stderr });
    });
  });
}

describe("compute under faults", () => {
  it("leaves one complete set and no temporary file after kills at random moments", async () => {
    const out = join(tmp.dir, "killed");
    const first = await runProcess(["compute", SAMPLE_XLSX, "--out", out], tmp.dir);
    expect(first.code).toBe(1);
    const fingerprintA = completeSet(out).fingerprint;
    const started = Date.now();
    await runProcess(["compute", modelB, "--out", join(tmp.dir, "timing")], tmp.dir);
    const runMs = Date.now() - started;
    const random = prng(20261202);
    const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGKILL"];
    const seen = new Set<string>();
    const killedOutright = new Set<number>();
    /** The pid in a temporary file's name (`.sctvm-PID-rand-file.tmp`). */
    const pidOf = (name: string): number => Number(/^\.sctvm-(\d+)-/.exec(name)?.[1]);
    let interrupted = 0;
    let recordMissing = false;
    for (let trial = 0; trial < 15; trial++) {
      const signal = signals[trial % 3] as NodeJS.Signals;
      const delay = Math.floor(random() * runMs * 1.1);
      const model = trial % 2 === 0 ? modelB : SAMPLE_XLSX;
      // Every other pair of trials derives and prints the rates files on two threads (the
      // test hooks thread every model and file), so a worker is running when some kills land.
      const env = trial % 4 < 2 ? { ...process.env, SCTVM_SERIES_THREAD_MIN: "0", SCTVM_DERIVE_THREAD_MIN: "0" } : process.env;
      const run = await killAfter(["compute", model, "--out", out], delay, signal, env);
      const where = `trial ${trial}: ${signal} after ${delay} ms`;
      const stopped = run.signal !== null || run.code === 130 || run.code === 143;
      if (stopped) interrupted++;
      if (signal === "SIGKILL") killedOutright.add(run.pid);
      // A run stopped by SIGINT/SIGTERM leaves no temporary file of its own. Files of an
      // earlier SIGKILLed run may remain when this one was stopped before it reached the
      // clean-up (e.g. while reading); no other run's may.
      else expect({ where, temps: temps(out).filter((t) => !killedOutright.has(pidOf(t))) }).toEqual({ where, temps: [] });
      if (run.code === 130 || run.code === 143) expect(linesOf(run.stderr).filter((l) => l.startsWith("sctvm: stopped"))).toEqual([expect.stringMatching(new RegExp(`^sctvm: stopped by ${signal}(; no output file was changed)?$`))]);
      if (existsSync(join(out, RUN_RECORD))) {
        seen.add(completeSet(out).fingerprint);
        recordMissing = false;
      } else {
        // Only SIGKILL in the middle of a run's commit leaves the folder without its record;
        // a later run stopped before its own commit leaves the folder as it found it.
        expect({ where, why: signal === "SIGKILL" ? "killed" : stopped && recordMissing ? "missing since an earlier SIGKILL" : "no reason" }).toEqual({ where, why: expect.stringMatching(/^(killed|missing since)/) });
        recordMissing = true;
      }
    }
    // The next run cleans up what SIGKILL left and writes a complete set.
    const last = await runProcess(["compute", modelB, "--out", out], tmp.dir);
    expect(last.code).toBe(1);
    expect(temps(out)).toEqual([]);
    expect(completeSet(out).fingerprint).not.toBe(fingerprintA);
    expect(seen.size).toBeGreaterThan(0);
    expect(interrupted).toBeGreaterThanOrEqual(5);
  });

  it("removes temporary files that killed runs of earlier versions left, and none of a running process", async () => {
    const out = join(tmp.dir, "litter");
    await runProcess(["compute", SAMPLE_XLSX, "--out", out], tmp.dir);
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    writeFileSync(join(out, `.${dead}.1733140000000.k3j2h1.tmp`), "half a file");
    writeFileSync(join(out, `.sctvm-${dead}-abc123-rates-by-dmc.csv.tmp`), "half a file");
    writeFileSync(join(out, `.sctvm-${process.pid}-abc123-rates-by-dmc.csv.tmp`), "another run's file");
    await runProcess(["compute", SAMPLE_XLSX, "--out", out], tmp.dir);
    expect(temps(out)).toEqual([`.sctvm-${process.pid}-abc123-rates-by-dmc.csv.tmp`]);
    completeSet(out);
  });

  it.each([
    ["on one thread", ""],
    ["with the rates files printed on two threads", "SCTVM_SERIES_THREAD_MIN=0 "],
  ])("keeps the old set whole when a write fails part-way (file-size limit, like a full disk) %s", async (_, hook) => {
    const out = join(tmp.dir, `full${hook ? "-threaded" : ""}`);
    await runProcess(["compute", SAMPLE_XLSX, "--out", out], tmp.dir);
    const before = completeSet(out);
    // 64 blocks: provider-summary and provider-hourly fit, rates-by-dmc does not.
    const limited = spawnSync("sh", ["-c", `trap "" XFSZ; ulimit -f 64; ${hook}exec "${process.execPath}" "${BIN}" compute "${modelB}" --out "${out}"`], { cwd: tmp.dir, encoding: "utf8" });
    expect(limited.status).toBe(3);
    // (The test hook's own line, if any, aside.)
    expect(linesOf(limited.stderr).filter((l) => !l.includes("(SCTVM_SERIES_THREAD_MIN)"))).toEqual([expect.stringMatching(/^sctvm: cannot write '.*rates-by-(dmc|transaction)\.csv': the file is larger than this system allows \(file size limit\); no output file was changed$/)]);
    expect(temps(out)).toEqual([]);
    expect(completeSet(out)).toEqual(before);
  });
});
