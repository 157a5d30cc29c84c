/** Runs async tasks with at most `limit` in flight; results keep the input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * A shared concurrency limit: `limit(fn)` runs `fn` when fewer than `n` calls are in flight.
 * Orchestration code never holds a slot while waiting on others, so nesting cannot deadlock.
 */
export function createLimiter(n: number): <R>(fn: () => Promise<R>) => Promise<R> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`concurrency must be a positive integer, got ${n}`);
  let active = 0;
  const waiting: (() => void)[] = [];
  // A finishing call hands its slot straight to the next waiter, so `active` never exceeds n.
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return async <R>(fn: () => Promise<R>): Promise<R> => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      release();
    }
  };
}
