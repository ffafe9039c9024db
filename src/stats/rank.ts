/** How tied values share a rank. */
export type TieMethod = "min" | "dense";

/**
 * Ranks values, 1 for the best. `direction` "desc" ranks the largest value first (rates),
 * "asc" the smallest (league-table positions). Ties share the rank: "min" gives competition
 * ranking (1, 2, 2, 4), "dense" gives (1, 2, 2, 3). NaN values get rank NaN.
 */
export function rankValues(values: readonly number[], direction: "asc" | "desc", ties: TieMethod = "min"): number[] {
  const order = values
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => !Number.isNaN(v))
    .sort((x, y) => (direction === "desc" ? y.v - x.v : x.v - y.v));
  const ranks = values.map(() => Number.NaN);
  let rank = 0;
  let dense = 0;
  let prev: number | undefined;
  order.forEach(({ v, i }, pos) => {
    if (prev === undefined || v !== prev) {
      rank = pos + 1;
      dense += 1;
      prev = v;
    }
    ranks[i] = ties === "min" ? rank : dense;
  });
  return ranks;
}
