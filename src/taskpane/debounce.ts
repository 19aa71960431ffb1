/**
 * Calls `fn` once `waitMs` after the last of a burst of calls (input edits arrive one
 * event per cell). `cancel` drops a pending call.
 * @example const later = debounce(revalidate, 500); later(); later(); // one revalidate
 */
export function debounce(fn: () => void, waitMs: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, waitMs);
  };
  debounced.cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}
