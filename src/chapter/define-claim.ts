/** A claim: a data-dependent sentence's truth, as a function of the statistics with named outcomes. */

/** Values a claim exposes to its wording, e.g. `{{fact "largest"}}`. */
export type Facts = Record<string, number | string>;

export interface ClaimDef<S = unknown, O extends string = string> {
  id: string;
  /** What the claim asserts, for `greenbook check`. */
  description: string;
  /** Every outcome the claim can have; templates must word each (or only `required`). */
  outcomes: readonly O[];
  /** When set, any other outcome fails the build. */
  required?: O;
  evaluate(stats: S): { outcome: O; facts: Facts };
}

/** Declares a claim; outcomes are checked against `outcomes` when it is evaluated. */
export function defineClaim<S, const O extends string>(def: ClaimDef<S, O>): ClaimDef<S, string> {
  return def as unknown as ClaimDef<S, string>;
}
