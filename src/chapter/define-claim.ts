/** A claim: a data-dependent sentence's truth, as a function of the statistics with named outcomes. */

/** Values a claim exposes to its wording, e.g. `{{fact "largest"}}`. */
export type Facts = Record<string, number | string>;

/** Why an edition's figure or conclusion differs from what the published chapter printed. */
export const DIVERGENCE_REASONS = ["corrected-arithmetic", "revised-official-data", "different-sample-cut", "new-data"] as const;
export type DivergenceReason = (typeof DIVERGENCE_REASONS)[number];

/** What the published chapter stated: its outcome, and any facts it named (e.g. which regions). */
export interface PublishedStatement<O extends string = string> {
  outcome?: O;
  facts?: Facts;
  /**
   * Why this edition may say otherwise when the data are the published chapter's own. A difference
   * on revised official series or on newly derived data is explained as such without it.
   */
  reason?: DivergenceReason;
}

/** How far apart two values may be and still be "about the same" (either bound suffices). */
export interface Tolerance {
  /** A fraction of the reference: 0.0025 is ±0.25%. */
  relative?: number;
  /** In the values' own unit. */
  absolute?: number;
}

/** Outcome of a comparison made within a claim's tolerance. */
export type Comparison = "above" | "same" | "below";

/** What a claim's `evaluate` gets beside the statistics. */
export interface ClaimTools {
  /** Compares value with reference within the claim's declared `tolerance` (an error without one). */
  compare(value: number, reference: number): Comparison;
}

export interface ClaimDef<S = unknown, O extends string = string> {
  id: string;
  /** What the claim asserts, for `greenbook check`. */
  description: string;
  /** Every outcome the claim can have; templates must word each (or only `required`). */
  outcomes: readonly O[];
  /** When set, any other outcome fails the build. */
  required?: O;
  /** What the published chapter stated; a different outcome (or fact) is listed in the note on the figures. */
  published?: PublishedStatement<O>;
  /** For a comparison claim: inside this margin the values are "about the same". */
  tolerance?: Tolerance;
  evaluate(stats: S, tools: ClaimTools): { outcome: O; facts: Facts };
}

/** Declares a claim; outcomes are checked against `outcomes` when it is evaluated. */
export function defineClaim<S, const O extends string>(def: ClaimDef<S, O>): ClaimDef<S, string> {
  return def as unknown as ClaimDef<S, string>;
}
