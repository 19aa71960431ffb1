/**
 * What the CLI's two-thread paths share (threaded-series.ts, threaded-derive.ts): finding a
 * compiled worker script, memory both threads see, the buffers of printed blocks handed
 * back by the writer, and the test hooks that force a path on a small model.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * A compiled worker script (lib/src/cli/NAME), found from lib/src/cli (tsc output) or from
 * lib/ (the bundle, see launch.ts). Absent when the sources run untranspiled (ts-jest): then
 * one thread does the work.
 */
export function compiledWorkerFile(name: string): string | undefined {
  return [join(__dirname, name), join(__dirname, "src", "cli", name)].find((f) => existsSync(f));
}

/** A zeroed array of figures in shared memory, so both threads see it. */
export const sharedFigures = (length: number): Float64Array => new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));

/** A test hook's whole number (`SCTVM_…_THREAD_MIN`), or undefined when it is unset or not one. */
export function wholeNumberHook(name: string): number | undefined {
  const hook = process.env[name];
  return hook !== undefined && /^\d+$/.test(hook) ? Number(hook) : undefined;
}

/**
 * The buffers of blocks printed for one file: marked when made, taken back once the writer
 * has written them (`OutputFileText.recycle`), then printed into again. Only a marked block
 * is taken back (never the header, which is not ours to print into), and only once.
 */
export class BlockBuffers {
  private readonly spare: Uint8Array[] = [];
  private readonly blocks = new WeakSet<ArrayBufferLike>();

  /** A written block's buffer to print the next block into, if there is one. */
  take(): Uint8Array | undefined {
    return this.spare.pop();
  }

  /** `bytes`, marked as a block of this file. */
  mark(bytes: Uint8Array): Uint8Array {
    this.blocks.add(bytes.buffer);
    return bytes;
  }

  /** The whole buffer of a written chunk when it is a marked block (unmarked: undefined). */
  claim(chunk: Uint8Array): Uint8Array | undefined {
    return this.blocks.delete(chunk.buffer) ? new Uint8Array(chunk.buffer) : undefined;
  }

  /** A claimed buffer, kept for `take`. */
  keep(whole: Uint8Array): void {
    this.spare.push(whole);
  }
}
