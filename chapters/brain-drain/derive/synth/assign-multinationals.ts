/**
 * Figure 3 by construction: for each growth bin, its published number of multinationals, each
 * with `pre_headcount` Hong Kong stayers before COVID and a post-COVID headcount whose growth
 * falls in the bin. Stayers who keep their job there hold one spell at the firm; the others
 * move into or out of it (so they are "different company" stayers of Table 3).
 */
import type { Random } from "../../../../src/derive/synth/random.ts";
import type { MncRole, Person } from "./person.ts";

export type { MncRole } from "./person.ts";
import type { SynthTargets } from "./read-targets.ts";


/** The post-COVID headcount for `pre` staff whose growth (percent) lies in [min, max). */
export function headcountInBin(pre: number, min: number | undefined, max: number | undefined): number {
  const inBin = (post: number) => {
    const g = (100 * (post - pre)) / pre;
    return (min === undefined || g >= min) && (max === undefined || g < max);
  };
  const guess = min === undefined ? pre * (1 + (max! - 10) / 100) : max === undefined ? pre * (1 + (min + 10) / 100) : pre * (1 + (min + max) / 200);
  for (let d = 0; d <= pre * 3; d++) {
    for (const post of [Math.round(guess) + d, Math.round(guess) - d]) if (post >= 0 && inBin(post)) return post;
  }
  throw new Error(`no headcount from ${pre} grows into [${min}, ${max})`);
}

/** Gives stayers their multinational roles (mutates them); returns the number of firms. */
export function assignMultinationals(t: SynthTargets, stayers: Person[], random: Random): number {
  const pre = t.choices.mnc.pre_headcount;
  const pool = random.shuffle(stayers.filter((p) => !p.extra));
  const same = pool.filter((p) => p.move === "same");
  const different = pool.filter((p) => p.move === "different");
  let firm = 0;
  for (const bin of t.tables.mncGrowth) {
    const post = headcountInBin(pre, bin.growth_min, bin.growth_max);
    for (let c = 0; c < bin.companies; c++) {
      firm++;
      const span = Math.min(pre, post);
      for (let i = 0; i < span; i++) same.pop()!.mnc = { firm, role: "span" };
      for (let i = span; i < pre; i++) different.pop()!.mnc = { firm, role: "pre" };
      for (let i = span; i < post; i++) different.pop()!.mnc = { firm, role: "post" };
    }
  }
  return firm;
}
