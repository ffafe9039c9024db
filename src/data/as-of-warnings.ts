/**
 * Series a build uses that were known only after the date it is built for: a series without
 * release dates whose catalogue `asOf` is later than the build's as-of date (series with release
 * dates leave later rows out themselves).
 */
import type { Chapter } from "../chapter/define-chapter.ts";
import type { Dataset } from "./dataset.ts";

export function asOfWarnings(chapter: Chapter, dataset: Dataset): string[] {
  const out: string[] = [];
  for (const spec of Object.values(chapter.series)) {
    if (spec.released) continue;
    const asOf = dataset.catalog[spec.name]?.asOf;
    if (asOf !== undefined && asOf > dataset.asOf) {
      out.push(`as of: catalog.yaml: ${spec.name} is as of ${asOf}, after ${dataset.asOf}, the date this edition is built for; its figures were not known then`);
    }
  }
  return out;
}
