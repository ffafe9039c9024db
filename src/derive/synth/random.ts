/**
 * Seeded randomness for synthetic panels, in TypeScript so a seed gives the same numbers on every
 * machine and thread count (DuckDB's random() is reproducible only single-threaded).
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** Shuffles in place (Fisher–Yates) and returns the array. */
  shuffle<T>(items: T[]): T[];
}

/** mulberry32: a small, fast 32-bit generator with a good spread for simulation. */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
}

/** `counts[k]` copies of each key k, in a seeded random order: exact marginals by construction. */
export function shuffledLabels<K>(counts: ReadonlyMap<K, number>, random: Random): K[] {
  const labels: K[] = [];
  for (const [key, n] of counts) for (let i = 0; i < n; i++) labels.push(key);
  return random.shuffle(labels);
}
