import { ClaimError } from "../errors.ts";
import type { ClaimDef, Facts } from "../chapter/define-claim.ts";

/** A claim's outcome on the current data. */
export interface ClaimResult {
  id: string;
  description: string;
  outcome: string;
  outcomes: readonly string[];
  required: string | undefined;
  /** False only for a required claim whose outcome is not the required one. */
  holds: boolean;
  facts: Facts;
}

export type Claims = Map<string, ClaimResult>;

/** Evaluates every claim of a chapter on its statistics. */
export function evaluateClaims<S>(stats: S, registry: readonly ClaimDef<S>[]): Claims {
  const out: Claims = new Map();
  for (const def of registry) {
    const { outcome, facts } = def.evaluate(stats);
    if (!def.outcomes.includes(outcome)) throw new ClaimError(`claim ${def.id}: outcome "${outcome}" is not one of ${def.outcomes.join(", ")}`);
    out.set(def.id, { id: def.id, description: def.description, outcome, outcomes: def.outcomes, required: def.required, holds: def.required === undefined || def.required === outcome, facts });
  }
  return out;
}

/** Throws a ClaimError naming every required claim that is false, with its numbers. */
export function assertRequiredClaims(claims: Claims): void {
  const broken = [...claims.values()].filter((c) => !c.holds);
  if (!broken.length) return;
  const lines = broken.map((c) => {
    const facts = Object.entries(c.facts)
      .map(([k, v]) => `${k} = ${typeof v === "number" ? +v.toPrecision(6) : v}`)
      .join(", ");
    return `required claim "${c.id}" (${c.description}) is ${c.outcome}, expected ${c.required}${facts ? `: ${facts}` : ""}`;
  });
  throw new ClaimError(lines.join("\n"));
}
