import type { Comparison, Tolerance } from "../chapter/define-claim.ts";

/**
 * Compares a value with a reference: "same" when the difference is inside the tolerance (either
 * its relative or its absolute bound), otherwise "above" or "below".
 */
export function compareWithin(value: number, reference: number, tolerance: Tolerance): Comparison {
  const difference = value - reference;
  const relative = tolerance.relative !== undefined && Math.abs(difference) <= Math.abs(reference) * tolerance.relative;
  const absolute = tolerance.absolute !== undefined && Math.abs(difference) <= tolerance.absolute;
  if (relative || absolute) return "same";
  return difference > 0 ? "above" : "below";
}

/** The tolerance in words for `check`: "±0.25%" or "±5". */
export function describeTolerance(tolerance: Tolerance): string {
  const parts: string[] = [];
  if (tolerance.relative !== undefined) parts.push(`±${+(tolerance.relative * 100).toPrecision(4)}%`);
  if (tolerance.absolute !== undefined) parts.push(`±${tolerance.absolute}`);
  return parts.join(" or ");
}
