/** What the main thread and the series worker share (threaded-series.ts, series-worker.ts). */
import type { SeriesTable } from "../engine/output/rates-series";

/** Slots of the shared control array. */
export const CONTROL = {
  /** The next block to claim (Atomics.add by either thread). */
  next: 0,
  /** Blocks written so far, in order (main thread); the worker waits on it. */
  written: 1,
  /** Non-zero: the worker stops (the run failed or was stopped). */
  stop: 2,
} as const;

/** The worker's `workerData`: the table (its figures in shared memory) and how it is cut. */
export interface SeriesJob {
  readonly table: SeriesTable;
  readonly control: Int32Array;
  readonly total: number;
  readonly blockSeries: number;
  readonly blockCount: number;
  readonly ahead: number;
  /** Whether to print with the native printer (when this thread could load it). */
  readonly native: boolean;
  /** The worker's blocks come back on this port once written, to print later blocks into. */
  readonly spare: import("node:worker_threads").MessagePort;
}
