/** One group's summary statistics, as a two-sample t test needs them. */
export interface GroupSummary {
  mean: number;
  sd: number;
  n: number;
}

/**
 * Welch's t statistic for the difference of means a − b, with unequal variances:
 * t = (mean_a − mean_b) / sqrt(sd_a²/n_a + sd_b²/n_b). Also returns the Welch–Satterthwaite
 * degrees of freedom. NaN when either group has fewer than two members or both SDs are 0.
 */
export function welchT(a: GroupSummary, b: GroupSummary): { t: number; df: number } {
  if (a.n < 2 || b.n < 2) return { t: Number.NaN, df: Number.NaN };
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { t: Number.NaN, df: Number.NaN };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return { t: (a.mean - b.mean) / se, df };
}
