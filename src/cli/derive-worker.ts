/**
 * The second thread of a large derivation (see threaded-derive.ts): claims phases from the
 * shared counter, derives each into the plan's shared arrays with the engine's
 * `derivePhase` (with the native addon when the main thread uses it), marks it done and
 * says so; it ends when no phase is left.
 */
import { parentPort, workerData } from "node:worker_threads";
import { derivePhase } from "../engine/derive/derive-rates";
import { doneSlot, NEXT_PHASE, type DeriveJob } from "./derive-job";
import { nativePhaseDeriver } from "./native-addon";

if (parentPort) {
  const { plan, control, native } = workerData as DeriveJob;
  const deriver = native ? nativePhaseDeriver() : undefined;
  for (;;) {
    const phase = Atomics.add(control, NEXT_PHASE, 1);
    if (phase >= plan.P) break;
    derivePhase(plan, phase, deriver);
    Atomics.store(control, doneSlot(phase), 1);
    parentPort.postMessage(phase);
  }
}
