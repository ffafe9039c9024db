/**
 * Lineage: which data files each statistic is computed from. A chapter declares it once per
 * top-level statistic (`lineage` in defineChapter); the engine checks the declaration covers every
 * statistic and names only the chapter's series, and derives from it the series behind every
 * claim and every recomputed published figure.
 */
import { ChapterError } from "../errors.ts";

export type Lineage = Readonly<Record<string, readonly string[]>>;

/** Throws naming every statistic the lineage leaves out and every series it names that does not exist. */
export function assertLineage(stats: unknown, lineage: Lineage | undefined, seriesNames: readonly string[]): void {
  if (!lineage || typeof stats !== "object" || stats === null) return;
  const problems: string[] = [];
  for (const key of Object.keys(stats)) {
    if (!(key in lineage)) problems.push(`lineage: statistic "${key}" names no series; say which data files it is computed from`);
  }
  for (const [key, series] of Object.entries(lineage)) {
    if (!(key in stats)) problems.push(`lineage: "${key}" is not a statistic the chapter computes`);
    for (const name of series) if (!seriesNames.includes(name)) problems.push(`lineage: statistic "${key}": no series "${name}" (known: ${seriesNames.join(", ")})`);
  }
  if (problems.length) throw new ChapterError(problems.map((p) => `chapter.ts: ${p}`).join("\n"));
}

/** The series behind a set of statistics, in order and without repeats. */
export function seriesOf(keys: readonly string[], lineage: Lineage | undefined): string[] {
  if (!lineage) return [];
  return [...new Set(keys.flatMap((k) => lineage[k] ?? []))];
}
