/**
 * A small worker pool: the import's calls are many and independent, and one at a time would
 * spend most of an import waiting on round trips.
 * @module
 */

/** Calls `work` on every item, at most `concurrency` at once; rejects with the first failure. */
export async function runConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    // Once one call failed the others stop taking items, so a failure writes no more.
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}
