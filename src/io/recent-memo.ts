/**
 * The last few results of a pure function of a string, kept by input: a watch rebuild asks again
 * for what it asked last time (the same font rules, the same sections), and gets the same object
 * back at the cost of a lookup. Least recently used entries go first.
 */
export function recentMemo<V>(size: number, compute: (key: string) => V): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    const hit = kept.get(key);
    if (hit !== undefined || kept.has(key)) {
      kept.delete(key);
      kept.set(key, hit as V);
      return hit as V;
    }
    const value = compute(key);
    kept.set(key, value);
    if (kept.size > size) kept.delete(kept.keys().next().value!);
    return value;
  };
}
