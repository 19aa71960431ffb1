/** Timing and memory helpers for the bench: figures only, no pass/fail. */

/** Median and minimum of a set of samples, in the samples' unit. */
export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly runs: number;
  /** Median CPU time (user + system, all threads of this process) where measured, ms. */
  readonly cpuMedian?: number;
}

/**
 * Median (mean of the middle two for an even count) and minimum.
 * @example summarise([3, 1, 2]) // { median: 2, min: 1, runs: 3 }
 */
export function summarise(samples: readonly number[]): Timing {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, runs: samples.length };
}

/**
 * Runs `fn` `warmup` times untimed, then `runs` times timed (wall ms each, and CPU ms: on a
 * busy machine wall time includes waiting for a core, CPU time does not).
 * @example time(() => analyseWorkbook(grids), 5, 30).median
 */
export function time(fn: () => unknown, warmup: number, runs: number): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ...summarise(samples), cpuMedian: summarise(cpu).median };
}

/** Forces a full GC when node runs with --expose-gc; otherwise does nothing. */
export function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Whether a full GC can be forced (node --expose-gc). */
export const canCollect = (): boolean => typeof (globalThis as { gc?: unknown }).gc === "function";

/** V8 heap in use plus ArrayBuffer backing stores (typed arrays live outside the heap). */
function liveBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Bytes (V8 heap + ArrayBuffers) that stay reachable from what `make` returns, full GC
 * before and after. Meaningful only under --expose-gc.
 * @example retainedHeap(() => analyseWorkbook(grids))
 */
export function retainedHeap<T>(make: () => T): { value: T; bytes: number } {
  collect();
  const before = liveBytes();
  const value = make();
  collect();
  return { value, bytes: liveBytes() - before };
}

export const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
export const ms = (t: number): string => (t >= 100 ? t.toFixed(0) : t.toFixed(1)) + " ms";
