/** What the main thread and the derive worker share (threaded-derive.ts, derive-worker.ts). */
import type { DerivationPlan } from "../engine/derive/derive-rates";

/**
 * The job posted to the derive worker: the plan (its large arrays in shared memory) and the
 * shared control array: slot 0 is the next phase to claim (Atomics.add by either thread),
 * slot 1 + ph is set to 1 when the worker has derived phase ph.
 */
export interface DeriveJob {
  readonly plan: DerivationPlan;
  readonly control: Int32Array;
  /** Whether to derive with the native addon (when this thread derives with it). */
  readonly native: boolean;
}

export const NEXT_PHASE = 0;
export const doneSlot = (phase: number): number => 1 + phase;
