/**
 * The edition metadata file (edition.yaml): titles, authors, pages, release, in every language of
 * the edition; and the catalog (catalog.yaml) describing each data file. Text fields are given per
 * language, and the languages are the edition's (`languages`, default the chapter's).
 */
import { z } from "zod";
import { describeControl, firstControl } from "../escape-controls.ts";
import { messages } from "../messages.ts";
import { proofSettingsSchema } from "../proof/proof-settings.ts";

/** Non-empty plain text on one line: no line break, bidi control, terminal escape or other control character. */
const nonEmpty = z
  .string()
  .superRefine((s, ctx) => {
    const control = firstControl(s);
    if (control) ctx.addIssue({ code: "custom", message: `expected ${messages.notPlainText(describeControl(control.char), control.position)}`, abort: true });
  })
  .trim()
  .min(1, "expected non-empty text");
const length = z.string().regex(/^\d+(\.\d+)?(mm|cm|in|pt)$/, "expected a length such as 20mm");
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date written YYYY-MM-DD")
  // Date.parse rolls 2023-02-30 over to 2 March; a real date reads back as itself.
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "expected a real calendar date");

/** The smallest text area (page minus margins) greenbook lays a chapter out in. */
export const MIN_TEXT_AREA_MM = { width: 60, height: 90 } as const;

/** A length as written in edition.yaml (20mm, 2cm, 1in, 36pt), in millimetres. */
export function toMm(length: string): number {
  const m = /^(\d+(?:\.\d+)?)(mm|cm|in|pt)$/.exec(length);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === "mm" ? n : m[2] === "cm" ? n * 10 : m[2] === "in" ? n * 25.4 : (n * 25.4) / 72;
}

/** Text in every language of the edition: `{ en: …, zh-HK: … }`. */
export function localized(langs: readonly string[]) {
  return z.strictObject(Object.fromEntries(langs.map((l) => [l, nonEmpty])) as Record<string, typeof nonEmpty>);
}

/** A list of names per language. */
function localizedLists(langs: readonly string[]) {
  return z.strictObject(Object.fromEntries(langs.map((l) => [l, z.array(nonEmpty)])) as Record<string, z.ZodArray<typeof nonEmpty>>);
}

export const PAGE_SIZES: Record<string, { width: string; height: string }> = {
  A4: { width: "210mm", height: "297mm" },
  A5: { width: "148mm", height: "210mm" },
  B5: { width: "176mm", height: "250mm" },
  "16K": { width: "185mm", height: "260mm" },
  Letter: { width: "8.5in", height: "11in" },
};

/** Image files the opening illustration may be, by extension, with their MIME types. */
export const ILLUSTRATION_TYPES: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".svg": "image/svg+xml" };
export const ILLUSTRATION_EXTENSIONS: readonly string[] = Object.keys(ILLUSTRATION_TYPES);

/** The first pass over edition.yaml: which languages the rest of the file is written in. */
export const editionLanguagesSchema = z.looseObject({
  /** Languages to build, in order; default the chapter's. */
  languages: z.array(z.string()).min(1, "expected at least one language").optional(),
});

/** The schema of edition.yaml for an edition in `langs`, with the chapter's `scope` block. */
export function editionSchemaFor(langs: readonly string[], scope: z.ZodType = z.strictObject({}).default({})) {
  const text = localized(langs);
  return z.strictObject({
    /** Release version, used for the archive folder and the version stamp, e.g. "2024.1". */
    version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/, "expected a version such as 2024.1 (letters, digits, dots, dashes)"),
    year: z.number().int().min(1990).max(2100),
    /** Release date; the build time of every output unless SOURCE_DATE_EPOCH is set. */
    releaseDate: isoDate,
    /** When the chapter whose figures published.csv records first came out; default the release date. */
    firstPublished: isoDate.optional(),
    embargo: text,
    languages: z.array(z.string()).min(1).optional(),
    /** The language printed beneath captions and headers of each edition; default the first other language. */
    secondaryLanguage: z.record(z.string(), z.string()).optional(),
    /** Page number of the chapter's first page in the book. */
    startPage: z.number().int("expected a whole page number").min(1, "expected a page number of at least 1").max(9999),
    page: z
      .strictObject({
        size: z.enum(Object.keys(PAGE_SIZES) as [string, ...string[]], `expected one of ${Object.keys(PAGE_SIZES).join(", ")}`).default("A4"),
        margin: z
          .strictObject({ top: length, bottom: length, inside: length, outside: length })
          .default({ top: "22mm", bottom: "24mm", inside: "22mm", outside: "20mm" }),
      })
      .default({ size: "A4", margin: { top: "22mm", bottom: "24mm", inside: "22mm", outside: "20mm" } })
      .superRefine((page, ctx) => {
        // Margins that leave (almost) no room print a chapter of empty pages: refuse them here.
        const size = PAGE_SIZES[page.size]!;
        const m = page.margin;
        const across = toMm(size.width) - toMm(m.inside) - toMm(m.outside);
        const down = toMm(size.height) - toMm(m.top) - toMm(m.bottom);
        if (across < MIN_TEXT_AREA_MM.width) ctx.addIssue({ code: "custom", path: ["margin", "inside"], message: messages.marginsTooWide("inside + outside", page.size, toMm(size.width), across, MIN_TEXT_AREA_MM.width) });
        if (down < MIN_TEXT_AREA_MM.height) ctx.addIssue({ code: "custom", path: ["margin", "top"], message: messages.marginsTooWide("top + bottom", page.size, toMm(size.height), down, MIN_TEXT_AREA_MM.height) });
      }),
    book: text,
    publisher: text,
    chapter: z.strictObject({ title: text, subtitle: text }),
    /**
     * Each author's name per language; a language without one is null. A name the author publishes
     * under in that language, never a guess: without it, a Latin-script edition prints `romanised`
     * (a romanisation the author has confirmed), else the first language's name, and `check` and
     * the build warn.
     */
    authors: z
      .array(
        z.strictObject({
          ...(Object.fromEntries(langs.map((l, i) => [l, i === 0 ? nonEmpty : nonEmpty.nullable()])) as Record<string, z.ZodType<string | null>>),
          romanised: nonEmpty.nullable().default(null),
        }),
      )
      .min(1, "expected at least one author"),
    keywords: localizedLists(langs),
    contact: text,
    /** Which part of each series the chapter discusses (the chapter defines this block). */
    scope,
    /** The proofreader's rules, thresholds and gate (src/proof/proof-settings.ts); default a careful book designer's. */
    proof: proofSettingsSchema,
    illustration: z.strictObject({
      /** An image file (relative to the data folder) for the opening page; null for the chapter's own artwork. */
      file: z.string().trim().min(1).nullable().default(null),
      caption: text,
      credit: text,
    }),
  });
}

type EditionBase = z.output<ReturnType<typeof editionSchemaFor>>;

/** A validated edition: its languages resolved, text fields keyed by language. */
export type Edition = Omit<EditionBase, "languages" | "authors" | "scope"> & {
  languages: string[];
  /** The language printed beneath each edition's captions and headers. */
  secondary: Record<string, string>;
  authors: (Record<string, string | null> & { romanised: string | null })[];
  scope: unknown;
};

/** The provenance kinds of a series. */
export const PROVENANCES = ["published", "official", "illustrative", "derived", "synthetic"] as const;

export function catalogSchemaFor(langs: readonly string[]) {
  const text = localized(langs);
  return z.record(
    z.string(),
    z.strictObject({
      title: text,
      provenance: z.enum(PROVENANCES, "expected published, official, illustrative, derived or synthetic"),
      source: text,
      unit: nonEmpty,
      asOf: isoDate,
    }),
  );
}

export type Catalog = Record<string, { title: Record<string, string>; provenance: (typeof PROVENANCES)[number]; source: Record<string, string>; unit: string; asOf: string }>;
export type CatalogEntry = Catalog[string];

/** True for series a page must mark as not real published figures: illustrative, or computed from a synthetic panel. */
export function isIllustrative(provenance: CatalogEntry["provenance"] | undefined): boolean {
  return provenance === "illustrative" || provenance === "synthetic";
}
