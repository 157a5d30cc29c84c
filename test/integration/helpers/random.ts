/** A small seeded PRNG (mulberry32) so every generated case can be replayed from its seed. */
export class Rng {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** A random subset (each item with probability p), order kept. */
  subset<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.chance(p));
  }
}

/** The seed for a test run: `RAMPART_SEED` to replay, else a fresh one. */
export function seedFromEnv(): number {
  const s = process.env['RAMPART_SEED'];
  return s !== undefined && s !== '' ? Number(s) >>> 0 : Math.floor(Math.random() * 2 ** 32);
}
