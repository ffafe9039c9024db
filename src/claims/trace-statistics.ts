/**
 * Which statistics a function reads: the top-level keys of the statistics object it touches,
 * recorded through a read-only proxy. With the chapter's lineage (statistic → series) this tells
 * which data files a claim or a recomputed figure rests on, without the chapter saying it twice.
 */
export function traceStatistics<S, R>(stats: S, read: (stats: S) => R): { result: R; keys: string[] } {
  const keys = new Set<string>();
  if (typeof stats !== "object" || stats === null) return { result: read(stats), keys: [] };
  const proxy = new Proxy(stats as object, {
    get(target, key, receiver) {
      if (typeof key === "string" && Object.prototype.hasOwnProperty.call(target, key)) keys.add(key);
      return Reflect.get(target, key, receiver);
    },
  }) as S;
  const result = read(proxy);
  return { result, keys: [...keys].sort() };
}
