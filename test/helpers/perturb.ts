/**
 * A perturbed copy of a loaded data set: every value that is a statistic moves by a few percent
 * (counts, shares, means, t statistics), ranks are reversed, histogram bin edges stretched.
 * Structure stays: ids, years, dates, decimals, labels. Sums that validation requires still hold.
 */
import type { ChapterDataset } from "./chapter.ts";

const STRUCTURAL = new Set(["line", "year", "decimals", "period", "date", "period_start", "period_end", "approximate"]);

/** Factors far enough apart that ratios and growth rates between two moved values move too. */
const FACTORS = [0.93, 1.04, 0.96, 1.09, 1.06];
function factor(seed: number): number {
  return FACTORS[seed % FACTORS.length]!;
}

function move(value: number, seed: number): number {
  const f = factor(seed);
  if (Number.isInteger(value)) {
    const moved = Math.round(value * f);
    return moved === value ? value + 1 : moved;
  }
  const decimals = (String(value).split(".")[1] ?? "").length;
  const moved = Number((value * f).toFixed(Math.max(decimals, 2)));
  return moved === value ? value + 10 ** -Math.max(decimals, 2) : moved;
}

/** `variant` shifts which factor each value gets, so different variants move values differently. */
export function perturbDataset(original: ChapterDataset, variant = 0): ChapterDataset {
  const data = structuredClone(original);
  const t = data.tables as unknown as Record<string, Record<string, unknown>[]>;
  // Only the chapter's own series: labels and published figures are kept apart (dataset.labels, dataset.published).
  for (const [name, rows] of Object.entries(t)) {
    rows.forEach((row, i) => {
      Object.keys(row).forEach((field, j) => {
        const v = row[field];
        if (typeof v !== "number" || STRUCTURAL.has(field)) return;
        if (name === "cityRanks" && field.endsWith("_rank")) row[field] = rows.length + 1 - v;
        else row[field] = move(v, i * 7 + j * 3 + variant * 2);
      });
    });
  }
  // Totals are the sums of the age groups, as validation requires.
  const all = data.tables.ageFlows.filter((r) => r.cohort === "all");
  for (const total of data.tables.linkedinTotals) total.count = all.reduce((s, r) => s + r[total.group], 0);
  // Subsets stay within their whole.
  for (const r of data.tables.regionFlows) {
    r.leave_edu = Math.min(r.leave_edu, r.leave);
    r.join_edu = Math.min(r.join_edu, r.join);
  }
  return data;
}
