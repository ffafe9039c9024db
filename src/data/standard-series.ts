/** The data files every chapter has besides its own series: labels per language, and the published figures. */
import { decimal, integer, slug, text } from "./cells.ts";
import { defineSeries, type AnySeries } from "./define-series.ts";

/** labels.csv: `key` plus one column per language (the locale's `labelColumn`). */
export function labelsSeries(labelColumns: readonly string[]): AnySeries {
  return defineSeries({
    name: "labels",
    columns: { key: text(80), ...Object.fromEntries(labelColumns.map((c) => [c, text(200)])) },
    key: ["key"],
  });
}

/** published.csv: each figure as printed in the published chapter, for the reproduction report. */
export const publishedSeries = defineSeries({
  name: "published",
  columns: { id: slug(), printed: text(200), value: decimal(), decimals: integer(-9, 9), section: text(100) },
  key: ["id"],
});

export type PublishedRow = { id: string; printed: string; value: number; decimals: number; section: string; line: number };
