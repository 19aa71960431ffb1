/**
 * A large rates file printed on two threads. Printing figures is most of the time of a huge
 * `compute` (rates-by-dmc of the 100,002-row model is 14.4 million lines, ~5 s on one
 * thread), and the machine has a second core. The series are cut into blocks; this thread
 * and one worker (series-worker.ts) claim blocks from a shared counter, print them with the
 * same engine function (`seriesLinesBytes`), and this thread hands them to the writer in
 * order, so the file is byte for byte what one thread would write. Neither thread runs more
 * than `ahead` blocks past the last one written. If the worker cannot start or fails, this
 * thread prints what is missing itself: same bytes, just slower.
 */
import { availableParallelism } from "node:os";
import { MessageChannel, Worker } from "node:worker_threads";
import { SERIES_BLOCK, seriesCount, seriesLinesBytes, type SeriesPrinter, type SeriesTable } from "../engine";
import { CONTROL, type SeriesJob } from "./series-job";
import { BlockBuffers, compiledWorkerFile, sharedFigures } from "./worker-support";

/** Below this many figures (series × 24, all-zero series included) one thread is as fast: starting a worker costs ~50 ms. */
export const THREADED_MIN_FIGURES = 2_000_000;
/** Blocks either thread may print past the last one written. */
export const AHEAD_BLOCKS = 8;

export interface ThreadedOptions {
  readonly blockSeries?: number;
  readonly ahead?: number;
  /** False: this thread prints only what the worker cannot (tests of the worker's part). */
  readonly mainPrints?: boolean;
  /** The worker script (tests: one that fails). */
  readonly workerFile?: string;
  /** The native printer, used by both threads (undefined: JavaScript prints). */
  readonly printer?: SeriesPrinter;
  /** Told, when the file is done, how many blocks each thread printed (tests, bench). */
  readonly onDone?: (blocks: { readonly main: number; readonly worker: number }) => void;
}

/** The compiled worker, lib/src/cli/series-worker.js (see compiledWorkerFile). */
export function seriesWorkerFile(): string | undefined {
  return compiledWorkerFile("series-worker.js");
}

/** Whether a table is worth a second thread here. */
export function worthThreads(table: SeriesTable, minFigures = THREADED_MIN_FIGURES): boolean {
  return table.values.length >= minFigures && availableParallelism() > 1 && seriesWorkerFile() !== undefined;
}

/**
 * The header, then the lines of every series that is not all zero, in key order, as chunks
 * made by this thread and a worker: the same bytes as the engine's `seriesCsvChunks`.
 * @example for await (const chunk of threadedSeriesChunks(table, header)) write(chunk)
 */
export function threadedSeriesChunks(table: SeriesTable, header: Uint8Array, options: ThreadedOptions = {}): AsyncGenerator<Uint8Array> {
  return threadedSeriesFile(table, header, options).text;
}

/**
 * The chunks of `threadedSeriesChunks`, and `recycle`: the writer hands back each chunk once
 * it is written, and its memory prints a later block (on the thread that made it), so a
 * 626 MB file is printed in a few dozen buffers. Fresh ones would be freed only by the
 * garbage collector, which the growth of memory outside the heap drives to a full collection
 * every ~60 MB (~40 ms each on the 100,002-row model).
 */
export function threadedSeriesFile(table: SeriesTable, header: Uint8Array, options: ThreadedOptions = {}): { readonly text: AsyncGenerator<Uint8Array>; readonly recycle: (chunk: Uint8Array) => void } {
  const buffers = new BlockBuffers();
  const byWorker = new WeakSet<ArrayBufferLike>();
  const channel = new MessageChannel();
  const recycle = (chunk: Uint8Array): void => {
    const whole = buffers.claim(chunk);
    if (!whole) return;
    if (byWorker.has(whole.buffer)) channel.port1.postMessage(whole, [whole.buffer as ArrayBuffer]);
    else buffers.keep(whole);
  };
  return { text: threadedChunks(table, header, options, { buffers, byWorker, channel }), recycle };
}

interface Recycling {
  /** The blocks made by either thread; this thread's come back here once written. */
  readonly buffers: BlockBuffers;
  readonly byWorker: WeakSet<ArrayBufferLike>;
  /** port1 sends the worker's buffers back to it; the worker reads port2. */
  readonly channel: MessageChannel;
}

async function* threadedChunks(table: SeriesTable, header: Uint8Array, options: ThreadedOptions, recycling: Recycling): AsyncGenerator<Uint8Array> {
  const blockSeries = Math.max(1, options.blockSeries ?? SERIES_BLOCK);
  const ahead = Math.max(1, options.ahead ?? AHEAD_BLOCKS);
  const mainPrints = options.mainPrints ?? true;
  const total = seriesCount(table);
  const blockCount = Math.ceil(total / blockSeries);
  const printer = options.printer;
  const { buffers, byWorker, channel } = recycling;
  const block = (b: number): Uint8Array => buffers.mark(seriesLinesBytes(table, b * blockSeries, Math.min(total, (b + 1) * blockSeries), printer, buffers.take()));
  const control = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const ready = new Map<number, Uint8Array>();
  const counts = { main: 0, worker: 0 };
  let next = 0;
  let workerGone = false;
  let wake: (() => void) | undefined;
  const worker = startWorker(options.workerFile ?? seriesWorkerFile(), table, { control, total, blockSeries, blockCount, ahead, native: printer !== undefined, spare: channel.port2 });
  if (worker) {
    worker.on("message", (m: { block: number; bytes: Uint8Array }) => {
      // A block already printed here after the worker was taken for gone is not needed.
      if (m.block < next) return;
      byWorker.add(buffers.mark(m.bytes).buffer);
      ready.set(m.block, m.bytes);
      counts.worker++;
      wake?.();
    });
    // Its blocks not yet posted are printed here (below); the reason is not the user's concern.
    const gone = (): void => {
      workerGone = true;
      wake?.();
    };
    worker.on("error", gone);
    worker.on("exit", gone);
  } else {
    workerGone = true;
  }
  try {
    yield header;
    while (next < blockCount) {
      let bytes = ready.get(next);
      if (bytes === undefined) {
        const mine = mainPrints && Atomics.load(control, CONTROL.next) - next < ahead ? Atomics.add(control, CONTROL.next, 1) : blockCount;
        if (mine < blockCount) {
          ready.set(mine, block(mine));
          counts.main++;
          continue;
        }
        if (!workerGone) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        bytes = block(next);
        counts.main++;
      }
      ready.delete(next);
      next++;
      Atomics.store(control, CONTROL.written, next);
      Atomics.notify(control, CONTROL.written);
      if (bytes.length > 0) yield bytes;
    }
    options.onDone?.(counts);
  } finally {
    Atomics.store(control, CONTROL.stop, 1);
    Atomics.notify(control, CONTROL.written);
    channel.port1.close();
    if (worker) await worker.terminate();
  }
}

/** The worker with its job (the figures copied into shared memory once), or undefined if it cannot start. */
function startWorker(file: string | undefined, table: SeriesTable, cut: Omit<SeriesJob, "table">): Worker | undefined {
  if (!file) return undefined;
  try {
    // Shared already when derived with cliAnalyseOptions(); else one copy into shared memory.
    const values = table.values.buffer instanceof SharedArrayBuffer ? table.values : sharedFigures(table.values.length);
    if (values !== table.values) values.set(table.values);
    const job: SeriesJob = { ...cut, table: { groupPrefixes: table.groupPrefixes, itemPrefixes: table.itemPrefixes, values } };
    return new Worker(file, { workerData: job, transferList: [cut.spare] });
  } catch {
    return undefined;
  }
}
