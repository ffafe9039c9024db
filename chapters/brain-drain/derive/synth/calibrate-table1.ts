/**
 * Table 1 by integer search: for each row, whole-number values for a sub-sample of joiners and
 * of leavers whose means print as published and whose SDs give the published Welch t. n and
 * SD are not published; n comes from synth.yaml, the SD ratio too, and the SDs follow from t.
 */
import { fitIntegers, type MomentTarget } from "../../../../src/derive/synth/fit-integers.ts";
import type { Random } from "../../../../src/derive/synth/random.ts";
import { GreenbookError } from "../../../../src/errors.ts";

export interface ProfileTarget {
  joiner: number;
  leaver: number;
  t: number;
  decimals: number;
}

/** Joiner and leaver SDs that give Welch's t for the means, with sdJoiner = ratio * sdLeaver. */
export function targetSds(p: ProfileTarget, n1: number, n2: number, ratio: number): [number, number] {
  const se = Math.abs((p.joiner - p.leaver) / p.t);
  const s2 = se / Math.sqrt((ratio * ratio) / n1 + 1 / n2);
  return [ratio * s2, s2];
}

/** Tolerances tight enough that the printed mean and the printed t both come out exact. */
export function momentTargets(p: ProfileTarget, sds: [number, number], weights?: [number[], number[]]): [MomentTarget, MomentTarget] {
  const se = Math.abs((p.joiner - p.leaver) / p.t);
  const meanTolerance = Math.min(0.2 * 10 ** -p.decimals, 0.0004 * se);
  const make = (mean: number, sd: number, w?: number[]): MomentTarget => ({ mean, sd, meanTolerance, sdTolerance: (0.0004 * sd) / Math.abs(p.t), ...(w ? { weights: w } : {}) });
  return [make(p.joiner, sds[0], weights?.[0]), make(p.leaver, sds[1], weights?.[1])];
}

/** A seeded starting vector: uniform values with the target mean and SD, before clipping. */
export function startingValues(n: number, mean: number, sd: number, random: Random): number[] {
  const half = Math.sqrt(3) * sd;
  return Array.from({ length: n }, () => mean + (random.next() * 2 - 1) * half);
}

/** A user-facing failure (exit 1): the synth.yaml choices cannot be met from this seed. */
export class CalibrationError extends GreenbookError {
  override name = "CalibrationError";
}

/** Fits one group's values; throws when the search cannot reach the targets. */
export function fitGroup(what: string, initial: number[], lower: number[], upper: number[], targets: MomentTarget[], random: Random): number[] {
  const result = fitIntegers({ initial, lower, upper, targets }, random);
  if (!result.converged) throw new CalibrationError(`${what}: the search did not reach the targets after ${result.moves} moves; change its n or sd_ratio in synth.yaml, or try another seed`);
  return result.values;
}
