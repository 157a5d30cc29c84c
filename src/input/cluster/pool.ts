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
