/**
 * The last few results by key: a watch rebuild asks again for what it asked last time (the same
 * font rules, the same sections) and gets the same object back at the cost of a lookup. Least
 * recently used entries go first.
 */
export class RecentMap<V> {
  private readonly kept = new Map<string, V>();
  constructor(private readonly size: number) {}

  has(key: string): boolean {
    return this.kept.has(key);
  }

  /** The value kept for `key` (now the most recently used), or undefined. */
  get(key: string): V | undefined {
    if (!this.kept.has(key)) return undefined;
    const value = this.kept.get(key) as V;
    this.kept.delete(key);
    this.kept.set(key, value);
    return value;
  }

  /** Keeps `value` for `key`, forgetting the least recently used entry beyond the size; returns `value`. */
  set(key: string, value: V): V {
    this.kept.delete(key);
    this.kept.set(key, value);
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!);
    return value;
  }
}

/** A pure function of a string, with its last `size` results kept. */
export function recentMemo<V>(size: number, compute: (key: string) => V): (key: string) => V {
  const kept = new RecentMap<V>(size);
  return (key) => (kept.has(key) ? (kept.get(key) as V) : kept.set(key, compute(key)));
}
