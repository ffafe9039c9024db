/** Small pure statistics used across the chapter. */

/** Relative change from `from` to `to` as a fraction (0.27 = +27 %); NaN when `from` is 0. */
export function growthRate(from: number, to: number): number {
  return from === 0 ? Number.NaN : (to - from) / from;
}

/** `part` as a fraction of `whole`; NaN when `whole` is 0. */
export function share(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}

/** Inflow minus outflow. */
export function net(join: number, leave: number): number {
  return join - leave;
}

/** Inflow plus outflow: how many people moved either way. */
export function turnover(join: number, leave: number): number {
  return join + leave;
}

/**
 * Net migration ratio of a group: (joined − left) as a fraction of the group's pre-period
 * presence in Hong Kong (stayed + left). NaN for an empty group.
 */
export function netMigrationRatio(joined: number, left: number, stayed: number): number {
  return share(joined - left, stayed + left);
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
