import type { ReproducibleValue } from "../chapter/define-chapter.ts";

/** A printed figure of the published chapter against its recomputed value. */
export interface Reproduction {
  id: string;
  description: string;
  printed: string;
  /** The value as printed, and at what precision (decimal places; negative rounds to tens, thousands…). */
  published: number;
  decimals: number;
  recomputed: number;
  /** The recomputed value rounded to the printed precision. */
  rounded: number;
  matches: boolean;
  section: string;
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Recomputes every published figure; rows that differ at the printed precision have matches=false. */
export function reproduce<S>(stats: S, expectations: readonly { id: string; printed: string; value: number; decimals: number; section: string }[], reproducible: Readonly<Record<string, ReproducibleValue<S>>> = {}): Reproduction[] {
  return expectations.map((e) => {
    const def = reproducible[e.id]!;
    const recomputed = def.compute(stats);
    const rounded = roundTo(recomputed, e.decimals);
    return {
      id: e.id,
      description: def.description,
      printed: e.printed,
      published: e.value,
      decimals: e.decimals,
      recomputed,
      rounded,
      matches: Math.abs(rounded - e.value) < 1e-9,
      section: e.section,
    };
  });
}
