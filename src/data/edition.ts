/** The edition metadata file (data/edition.yaml): titles, authors, pages, release. */
import { z } from "zod";

export const LANGUAGES = ["zh-HK", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];

const nonEmpty = z.string().trim().min(1, "expected non-empty text");
const localized = z.strictObject({ en: nonEmpty, "zh-HK": nonEmpty });
const length = z.string().regex(/^\d+(\.\d+)?(mm|cm|in|pt)$/, "expected a length such as 20mm");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date written YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "expected a real calendar date");

export const PAGE_SIZES: Record<string, { width: string; height: string }> = {
  A4: { width: "210mm", height: "297mm" },
  A5: { width: "148mm", height: "210mm" },
  B5: { width: "176mm", height: "250mm" },
  "16K": { width: "185mm", height: "260mm" },
  Letter: { width: "8.5in", height: "11in" },
};

/** File types the opening illustration may have (by extension). */
/** Image files the opening illustration may be, by extension, with their MIME types. */
export const ILLUSTRATION_TYPES: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".svg": "image/svg+xml" };
export const ILLUSTRATION_EXTENSIONS: readonly string[] = Object.keys(ILLUSTRATION_TYPES);

export const editionSchema = z.strictObject({
  /** Release version, used for the archive folder and the version stamp, e.g. "2024.1". */
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/, "expected a version such as 2024.1 (letters, digits, dots, dashes)"),
  year: z.number().int().min(1990).max(2100),
  /** Release date; the build time of every output unless SOURCE_DATE_EPOCH is set. */
  releaseDate: isoDate,
  embargo: localized,
  /** Languages to build, in order; default both. */
  languages: z.array(z.enum(LANGUAGES, "expected a language greenbook has templates for: zh-HK or en")).min(1).default(["zh-HK", "en"]),
  /** Page number of the chapter's first page in the book. */
  startPage: z.number().int("expected a whole page number").min(1, "expected a page number of at least 1").max(9999),
  page: z
    .strictObject({
      size: z.enum(Object.keys(PAGE_SIZES) as [string, ...string[]], `expected one of ${Object.keys(PAGE_SIZES).join(", ")}`).default("A4"),
      margin: z
        .strictObject({ top: length, bottom: length, inside: length, outside: length })
        .default({ top: "22mm", bottom: "24mm", inside: "22mm", outside: "20mm" }),
    })
    .default({ size: "A4", margin: { top: "22mm", bottom: "24mm", inside: "22mm", outside: "20mm" } }),
  book: localized,
  publisher: localized,
  chapter: z.strictObject({ title: localized, subtitle: localized }),
  authors: z
    .array(z.strictObject({ en: nonEmpty.nullable(), "zh-HK": nonEmpty }))
    .min(1, "expected at least one author"),
  keywords: z.strictObject({ en: z.array(nonEmpty), "zh-HK": z.array(nonEmpty) }),
  contact: localized,
  /** Which part of each series the chapter discusses. */
  scope: z.strictObject({
    population: z.strictObject({
      from: z.string().regex(/^(mid|end)-\d{4}$/, "expected a reference point such as mid-2017"),
      to: z.string().regex(/^(mid|end)-\d{4}$/, "expected a reference point such as mid-2023"),
      /** Points before this date count as pre-pandemic when finding the peak. */
      pandemicStart: isoDate,
    }),
    rhq: z.strictObject({ from: z.number().int().min(1900).max(2100), to: z.number().int().min(1900).max(2100) }),
  }),
  illustration: z.strictObject({
    /** An image file (relative to the data folder) for the opening page; null for greenbook's own artwork. */
    file: z.string().trim().min(1).nullable().default(null),
    caption: localized,
    credit: localized,
  }),
});

export type Edition = z.output<typeof editionSchema>;

export const catalogEntrySchema = z.strictObject({
  title: localized,
  provenance: z.enum(["published", "official", "illustrative", "derived", "synthetic"], "expected published, official, illustrative, derived or synthetic"),
  source: localized,
  unit: nonEmpty,
  asOf: isoDate,
});
export type CatalogEntry = z.output<typeof catalogEntrySchema>;
/** True for series a page must mark as not real published figures: illustrative, or computed from a synthetic panel. */
export function isIllustrative(provenance: CatalogEntry["provenance"] | undefined): boolean {
  return provenance === "illustrative" || provenance === "synthetic";
}
export const catalogSchema = z.record(z.string(), catalogEntrySchema);
export type Catalog = z.output<typeof catalogSchema>;
