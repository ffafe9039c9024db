/**
 * Finds whole numbers, each within its own bounds, whose weighted means and standard deviations
 * hit given targets: a seeded local search from a starting vector. A move changes one value
 * (shifts a mean) or two values in opposite directions (changes a spread); it is kept when it
 * reduces the squared error measured in tolerances. Sums update in O(1) per move.
 */
import type { Random } from "./random.ts";

export interface MomentTarget {
  /** Value i counts as x[i] * weights[i]; default weight 1. */
  weights?: readonly number[];
  mean: number;
  sd: number;
  /** The search stops once every mean and SD is within its tolerance of its target. */
  meanTolerance: number;
  sdTolerance: number;
}

export interface FitProblem {
  initial: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
  targets: readonly MomentTarget[];
  /** Give up after this many proposed moves; default 20 million. */
  maxMoves?: number;
}

export interface FitResult {
  values: number[];
  converged: boolean;
  moves: number;
}

/** Runs the search; `converged` says whether every target was reached. */
export function fitIntegers(problem: FitProblem, random: Random): FitResult {
  const x = problem.initial.map((v, i) => Math.min(problem.upper[i]!, Math.max(problem.lower[i]!, Math.round(v))));
  const n = x.length;
  const targets = problem.targets.map((t) => ({ ...t, w: t.weights ?? null }));
  const s1 = targets.map((t) => x.reduce((s, v, i) => s + v * (t.w ? t.w[i]! : 1), 0));
  const s2 = targets.map((t) => x.reduce((s, v, i) => s + (v * (t.w ? t.w[i]! : 1)) ** 2, 0));
  const errorOf = (a: number[], b: number[]) => {
    let e = 0;
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k]!;
      const mean = a[k]! / n;
      const sd = Math.sqrt(Math.max(0, (b[k]! - (a[k]! * a[k]!) / n) / (n - 1)));
      e += ((mean - t.mean) / t.meanTolerance) ** 2 + ((sd - t.sd) / t.sdTolerance) ** 2;
    }
    return e;
  };
  const within = () =>
    targets.every((t, k) => {
      const mean = s1[k]! / n;
      const sd = Math.sqrt(Math.max(0, (s2[k]! - (s1[k]! * s1[k]!) / n) / (n - 1)));
      return Math.abs(mean - t.mean) < t.meanTolerance && Math.abs(sd - t.sd) < t.sdTolerance;
    });
  let error = errorOf(s1, s2);
  const maxMoves = problem.maxMoves ?? 20_000_000;
  const a = new Array<number>(targets.length);
  const b = new Array<number>(targets.length);
  let moves = 0;
  let span = Math.max(1, Math.ceil(Math.max(...problem.upper.map((u, i) => u - problem.lower[i]!)) / 4));
  while (moves < maxMoves) {
    if (moves % 4096 === 0 && within()) return { values: x, converged: true, moves };
    moves++;
    if (moves % 65536 === 0 && span > 1) span = Math.max(1, Math.floor(span / 2));
    const i = random.int(0, n - 1);
    const j = random.next() < 0.5 ? random.int(0, n - 1) : -1;
    const d = (random.next() < 0.5 ? -1 : 1) * random.int(1, span);
    const xi = x[i]! + d;
    if (xi < problem.lower[i]! || xi > problem.upper[i]!) continue;
    const xj = j >= 0 && j !== i ? x[j]! - d : undefined;
    if (xj !== undefined && (xj < problem.lower[j]! || xj > problem.upper[j]!)) continue;
    for (let k = 0; k < targets.length; k++) {
      const w = targets[k]!.w;
      const wi = w ? w[i]! : 1;
      a[k] = s1[k]! + d * wi;
      b[k] = s2[k]! + (xi * wi) ** 2 - (x[i]! * wi) ** 2;
      if (xj !== undefined) {
        const wj = w ? w[j]! : 1;
        a[k] = a[k]! - d * wj;
        b[k] = b[k]! + (xj * wj) ** 2 - (x[j]! * wj) ** 2;
      }
    }
    const next = errorOf(a, b);
    if (next < error) {
      error = next;
      x[i] = xi;
      if (xj !== undefined) x[j] = xj;
      for (let k = 0; k < targets.length; k++) {
        s1[k] = a[k]!;
        s2[k] = b[k]!;
      }
    }
  }
  return { values: x, converged: within(), moves };
}
