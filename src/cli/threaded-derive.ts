/**
 * A large derivation on two threads. Phases are independent (the engine's `derivePhase`
 * writes only its phase's part of the accumulators), so this thread and a worker
 * (derive-worker.ts) claim phases from a shared counter and derive them into shared memory:
 * the same bits as one thread. Only worth it for a large model: a worker takes ~40 ms to
 * start and derives cold, so on the bench model (300,000 row visits, ~45 ms) two threads
 * were slower than one, while the 100,002-row model (6 M visits, ~0.7 s) gains ~0.35 s.
 * This thread starts deriving at once and the worker joins when it is up. A worker that
 * cannot start, fails or dies leaves its unfinished phases to this thread, which clears and
 * derives them again.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { clearPhase, derivePhase, finishDerivation, planDerivation, type DeriveOptions, type Results, type VolumeModel } from "../engine";
import { doneSlot, NEXT_PHASE, type DeriveJob } from "./derive-job";
import { compiledWorkerFile, sharedFigures } from "./worker-support";

/** Row visits (phases × DMCs × transaction rows) from which a second thread derives. */
export const THREADED_MIN_VISITS = 2_000_000;

/** The compiled worker, lib/src/cli/derive-worker.js (see compiledWorkerFile). */
export function deriveWorkerFile(): string | undefined {
  return compiledWorkerFile("derive-worker.js");
}

export interface ThreadedDeriveOptions {
  /** Row visits from which a worker helps (default THREADED_MIN_VISITS; 0: always, with two or more phases). */
  readonly minVisits?: number;
  /** False: this thread derives only what the worker cannot (tests of the worker's part). */
  readonly mainDerives?: boolean;
  /** The worker script (tests: one that fails). */
  readonly workerFile?: string;
  /** Told how the phases were shared (tests, the SCTVM_DERIVE_THREAD_MIN hook). */
  readonly onDone?: (counts: { readonly main: number; readonly worker: number }) => void;
}

/**
 * `deriveRates(model, options)`, on two threads when the model is large enough and the
 * machine has a second core: the same results, bit for bit.
 * @example const results = await deriveOnThreads(model, { dmcSeries: true })
 */
export async function deriveOnThreads(model: VolumeModel, options: DeriveOptions, threaded: ThreadedDeriveOptions = {}): Promise<Results> {
  const visits = model.phases.length * model.dmcs.length * model.transactions.length;
  const file = threaded.workerFile ?? deriveWorkerFile();
  const worth = model.phases.length >= 2 && visits >= (threaded.minVisits ?? THREADED_MIN_VISITS) && availableParallelism() > 1 && file !== undefined;
  const plan = planDerivation(model, worth ? { ...options, allocate: sharedFigures } : options);
  const control = new Int32Array(new SharedArrayBuffer((1 + plan.P) * Int32Array.BYTES_PER_ELEMENT));
  const helper = worth ? startWorker(file, { plan, control, native: options.phaseDeriver !== undefined }) : undefined;
  const mine = new Set<number>();
  if (threaded.mainDerives !== false || !helper) {
    for (let ph = Atomics.add(control, NEXT_PHASE, 1); ph < plan.P; ph = Atomics.add(control, NEXT_PHASE, 1)) {
      derivePhase(plan, ph, options.phaseDeriver);
      mine.add(ph);
    }
  }
  const theirs = Array.from({ length: plan.P }, (_, ph) => ph).filter((ph) => !mine.has(ph));
  const left = helper ? await unfinishedAfter(helper, theirs, control) : theirs;
  for (const ph of left) {
    clearPhase(plan, ph);
    derivePhase(plan, ph, options.phaseDeriver);
  }
  threaded.onDone?.({ main: mine.size + left.length, worker: theirs.length - left.length });
  return finishDerivation(model, plan);
}

/** A started worker, and whether it has failed or exited (its events may come before anyone waits). */
interface Helper {
  readonly worker: Worker;
  gone: boolean;
}

function startWorker(file: string | undefined, job: DeriveJob): Helper | undefined {
  if (!file) return undefined;
  try {
    const helper: Helper = { worker: new Worker(file, { workerData: job }), gone: false };
    // An error ends it; this thread then derives what it left (see unfinishedAfter).
    const gone = (): void => {
      helper.gone = true;
    };
    helper.worker.on("error", gone);
    helper.worker.on("exit", gone);
    return helper;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the worker has derived `phases` or is gone, and gives those it did not finish.
 * The worker is ended first, so nothing writes the shared arrays any more.
 */
async function unfinishedAfter({ worker, gone }: Helper, phases: readonly number[], control: Int32Array): Promise<number[]> {
  const unfinished = (): number[] => phases.filter((ph) => Atomics.load(control, doneSlot(ph)) !== 1);
  if (unfinished().length > 0 && !gone) {
    await new Promise<void>((resolve) => {
      const settle = (): void => {
        worker.off("message", check);
        worker.off("error", settle);
        worker.off("exit", settle);
        resolve();
      };
      const check = (): void => {
        if (unfinished().length === 0) settle();
      };
      worker.on("message", check);
      worker.on("error", settle);
      worker.on("exit", settle);
      check();
    });
  }
  await worker.terminate();
  return unfinished();
}

