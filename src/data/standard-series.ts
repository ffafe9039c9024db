/** The data files every chapter has besides its own series: labels per language, and the published figures. */
import { DIVERGENCE_REASONS, type DivergenceReason } from "../chapter/define-claim.ts";
import { decimal, integer, oneOf, optional, slug, text } from "./cells.ts";
import { defineSeries, type AnySeries } from "./define-series.ts";

/** Units a published figure is written in. */
export const PUBLISHED_UNITS = ["count", "percent", "million", "ratio"] as const;

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
  columns: {
    id: slug(),
    printed: text(200),
    value: decimal(),
    decimals: integer(-9, 9),
    section: text(100),
    /** How the value is written: a count (default), a percentage, millions, or a plain ratio. */
    unit: optional(oneOf(PUBLISHED_UNITS)),
    /** Why this edition's value differs, when the data are the published chapter's own (see define-claim.ts). */
    reason: optional(oneOf(DIVERGENCE_REASONS)),
  },
  optional: ["unit", "reason"],
  key: ["id"],
});

export type PublishedUnit = (typeof PUBLISHED_UNITS)[number];

export type PublishedRow = {
  id: string;
  printed: string;
  value: number;
  decimals: number;
  section: string;
  unit?: PublishedUnit;
  reason?: DivergenceReason;
  line: number;
};
