/**
 * The second thread of a large rates file (see threaded-series.ts): claims blocks of series
 * from the shared counter, prints each with the engine's `seriesLinesBytes` and posts the
 * bytes back (transferred, not copied). It never runs more than `ahead` blocks past the
 * last one written, so a slow disk cannot make it hold the file in memory. Its blocks come
 * back on the `spare` port once written, and it prints later blocks into them.
 */
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { seriesLinesBytes, type SeriesTable } from "../engine/output/rates-series";
import { nativeSeriesPrinter } from "./native-addon";
import { CONTROL, type SeriesJob } from "./series-job";

function run(job: SeriesJob, post: (block: number, bytes: Uint8Array) => void): void {
  const { control, blockSeries, blockCount, ahead, total } = job;
  const table: SeriesTable = job.table;
  const printer = job.native ? nativeSeriesPrinter() : undefined;
  const spare: Uint8Array[] = [];
  for (;;) {
    if (Atomics.load(control, CONTROL.stop) !== 0) return;
    const block = Atomics.add(control, CONTROL.next, 1);
    if (block >= blockCount) return;
    for (let written = Atomics.load(control, CONTROL.written); block - written >= ahead; written = Atomics.load(control, CONTROL.written)) {
      if (Atomics.load(control, CONTROL.stop) !== 0) return;
      Atomics.wait(control, CONTROL.written, written, 100);
    }
    const from = block * blockSeries;
    // Its blocks written by now come back (this loop never yields to the event loop).
    for (let m = receiveMessageOnPort(job.spare); m; m = receiveMessageOnPort(job.spare)) spare.push(m.message as Uint8Array);
    post(block, seriesLinesBytes(table, from, Math.min(total, from + blockSeries), printer, spare.pop()));
  }
}

if (parentPort) {
  const port = parentPort;
  run(workerData as SeriesJob, (block, bytes) => port.postMessage({ block, bytes }, [bytes.buffer as ArrayBuffer]));
}
