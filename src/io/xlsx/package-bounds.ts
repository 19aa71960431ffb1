/**
 * Limits on what a workbook package may expand to, checked against the sizes the zip
 * declares BEFORE anything is inflated, and enforced again while inflating (a part that
 * inflates past its declared size is refused at once). A real Appendix A model is a few
 * MB expanded; the 100,000-row bench model about 15 MB; these bounds leave room for models
 * a hundred times larger and refuse zip bombs (a 2 MB file expanding to gigabytes) in
 * milliseconds, with one line.
 */
export const PACKAGE_BOUNDS = {
  /** Entries in the zip: a workbook has dozens; a million-entry zip is an attack. */
  maxEntries: 10_000,
  /** One part (a sheet's XML, the shared strings) expanded: 256 MiB. */
  maxPartBytes: 256 * 1024 * 1024,
  /** All parts together expanded: 512 MiB. */
  maxTotalBytes: 512 * 1024 * 1024,
} as const;

/** A package refused for its size or shape: `reason` is one line for the user. */
export class PackageRefused extends Error {
  override name = "PackageRefused";
}

const MIB = 1024 * 1024;
export const showMiB = (bytes: number): string => (bytes < MIB ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 1 : 0)} MiB`);

/** Refuses a package whose declared sizes break a bound. */
export function checkDeclaredSizes(entries: readonly { readonly name: string; readonly size: number }[]): void {
  if (entries.length > PACKAGE_BOUNDS.maxEntries) {
    throw new PackageRefused(`the package holds ${entries.length} parts, more than the ${PACKAGE_BOUNDS.maxEntries} a workbook may have`);
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.size > PACKAGE_BOUNDS.maxPartBytes) {
      throw new PackageRefused(
        `part '${entry.name}' would expand to ${showMiB(entry.size)}, more than the ${showMiB(PACKAGE_BOUNDS.maxPartBytes)} allowed for one part (a zip bomb, or a model far larger than any real one)`,
      );
    }
    total += entry.size;
  }
  if (total > PACKAGE_BOUNDS.maxTotalBytes) {
    throw new PackageRefused(
      `the package would expand to ${showMiB(total)}, more than the ${showMiB(PACKAGE_BOUNDS.maxTotalBytes)} allowed in all (a zip bomb, or a model far larger than any real one)`,
    );
  }
}

/**
 * V8 heap that reading and checking a workbook takes, per byte its parts expand to. Measured
 * on the 1,000,002-Volumes-row bench workbook (333 MiB of parts): `compute --outputs
 * summary,hourly` ran out of heap under --max-old-space-size=1200 and completed under 1600,
 * so 3.6–4.8 heap bytes per byte; 5 keeps a margin. The derivation's result arrays live
 * outside the heap and have their own budget (estimateDerivation, SCTVM_MEMORY_BUDGET_MIB).
 */
export const HEAP_PER_PACKAGE_BYTE = 5;

/**
 * Refuses, before anything is inflated, a package whose reading and checking would need more
 * V8 heap than this process may use (`heapLimitBytes`, from v8.getHeapStatistics): Node would
 * otherwise die of "heap out of memory" with a native stack trace. Says how much it needs and
 * the two ways out.
 */
export function checkHeapRoom(entries: readonly { readonly size: number }[], heapLimitBytes: number): void {
  const expanded = entries.reduce((sum, e) => sum + e.size, 0);
  const needed = expanded * HEAP_PER_PACKAGE_BYTE;
  if (needed <= heapLimitBytes) return;
  const suggestMiB = Math.ceil((needed * 1.25) / (256 * MIB)) * 256;
  throw new PackageRefused(
    `reading and checking it needs about ${showMiB(needed)} of memory (its parts expand to ${showMiB(expanded)}), more than the ${showMiB(heapLimitBytes)} this Node process may use: split the model into smaller workbooks (by phase or by group of DMCs), or give Node more (NODE_OPTIONS=--max-old-space-size=${suggestMiB})`,
  );
}
