import { ClaimError } from "../errors.ts";
import type { ClaimDef, ClaimTools, Facts, PublishedStatement, Tolerance } from "../chapter/define-claim.ts";
import { compareWithin } from "./compare-within.ts";
import { assertLineage, seriesOf, type Lineage } from "./lineage.ts";
import { traceStatistics } from "./trace-statistics.ts";

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
  /** The statistics its evaluation read, and the data files they come from (the chapter's lineage). */
  statistics: string[];
  series: string[];
  published: PublishedStatement | undefined;
  tolerance: Tolerance | undefined;
}

export type Claims = Map<string, ClaimResult>;

function toolsFor(def: ClaimDef<unknown>): ClaimTools {
  return {
    compare(value, reference) {
      if (!def.tolerance) throw new ClaimError(`claim ${def.id}: compares values but declares no tolerance; give it one (tolerance: { relative: 0.0025 })`);
      return compareWithin(value, reference, def.tolerance);
    },
  };
}

/** Evaluates every claim of a chapter on its statistics, recording what each rests on. */
export function evaluateClaims<S>(stats: S, registry: readonly ClaimDef<S>[], lineage?: Lineage): Claims {
  const out: Claims = new Map();
  for (const def of registry) {
    const { result, keys } = traceStatistics(stats, (s) => def.evaluate(s, toolsFor(def as ClaimDef<unknown>)));
    const { outcome, facts } = result;
    if (!def.outcomes.includes(outcome)) throw new ClaimError(`claim ${def.id}: outcome "${outcome}" is not one of ${def.outcomes.join(", ")}`);
    if (def.published?.outcome !== undefined && !def.outcomes.includes(def.published.outcome)) {
      throw new ClaimError(`claim ${def.id}: published outcome "${def.published.outcome}" is not one of ${def.outcomes.join(", ")}`);
    }
    out.set(def.id, {
      id: def.id,
      description: def.description,
      outcome,
      outcomes: def.outcomes,
      required: def.required,
      holds: def.required === undefined || def.required === outcome,
      facts,
      statistics: keys,
      series: seriesOf(keys, lineage),
      published: def.published,
      tolerance: def.tolerance,
    });
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

/** A chapter's claims on its statistics, after checking its lineage covers every statistic. */
export function evaluateChapterClaims<S>(chapter: { claims: readonly ClaimDef<S>[]; lineage?: Lineage; series: Record<string, { name: string }> }, stats: S): Claims {
  assertLineage(stats, chapter.lineage, Object.values(chapter.series).map((s) => s.name));
  return evaluateClaims(stats, chapter.claims, chapter.lineage);
}
