/**
 * Runs `work` on every item with at most `limit` calls in flight, in no particular order
 * of completion; the results keep the items' order. On the first failure no new item is
 * started, the calls in flight are awaited, and that first error is thrown: a caller never
 * gets part of the results as if they were all.
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  if (failure !== undefined) { throw failure.error; }
  return results;
}
