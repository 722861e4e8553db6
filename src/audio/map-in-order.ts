/**
 * Runs `work` over `items` with at most `concurrency` running at once and hands each result to `deliver` in
 * the order of `items`, whatever order they finish in; a result waits only until those before it are delivered,
 * and no more than `concurrency` finished results are ever held back. `deliver` is called one at a time. The
 * first failure of `work` or `deliver` stops new work and is thrown once the running work has settled.
 */
export async function mapInOrder<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  deliver: (result: R, index: number) => void | Promise<void>,
): Promise<void> {
  const width = Math.max(1, Math.floor(concurrency));
  const pending = new Map<number, Promise<R>>();
  let started = 0;
  const start = () => {
    while (started < items.length && pending.size < width) {
      const n = started++;
      const running = work(items[n], n);
      // Marked as handled at once: a failure is rethrown in order, never reported as unhandled meanwhile.
      running.catch(() => undefined);
      pending.set(n, running);
    }
  };
  try {
    for (let n = 0; n < items.length; n++) {
      start();
      const result = await pending.get(n)!;
      pending.delete(n);
      start();
      await deliver(result, n);
    }
  } catch (error) {
    started = items.length;
    await Promise.allSettled(pending.values());
    throw error;
  }
}
