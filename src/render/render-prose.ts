import type { Chapter } from "../chapter/define-chapter.ts";
import { numberExhibits } from "../chapter/define-exhibit.ts";
import type { Claims } from "../claims/evaluate-claims.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { isIllustrative } from "../data/edition.ts";
import { authorNames } from "./author-names.ts";
import type { LanguageTemplates, Source } from "./load-templates.ts";
import { createMarkdown, createMarkdownEnv, renderBlock, renderInline, type MarkdownEnv, type Target } from "./markdown.ts";
import { createTemplateEnv, renderTemplate, type RenderRecord } from "./template-env.ts";

/**
 * What prose templates see: the statistics (`s`), the edition's text in the current language, and
 * the chapter's own lookups (its `context`). Numbers are raw; helpers format them.
 */
export type TemplateContext = Record<string, unknown> & { lang: string; s: unknown };

export function buildTemplateContext(chapter: Chapter, dataset: Dataset, stats: unknown, lang: string): TemplateContext {
  const e = dataset.edition;
  return {
    lang,
    s: stats,
    ...(chapter.context?.(dataset, stats, lang) ?? {}),
    /** Series whose provenance is `illustrative` (catalog.yaml), by name: `{{#if illustrative.[age-flows]}}`. */
    illustrative: Object.fromEntries(Object.entries(dataset.catalog).map(([name, entry]) => [name, isIllustrative(entry.provenance)])),
    edition: {
      book: e.book[lang],
      title: e.chapter.title[lang],
      subtitle: e.chapter.subtitle[lang],
      authors: authorNames(dataset, lang),
      version: e.version,
      year: e.year,
      releaseDate: e.releaseDate,
      startPage: e.startPage,
      publisher: e.publisher[lang],
    },
  };
}

/** A prose renderer for one language and target: Handlebars, then Markdown, with shared numbering. */
export interface ProseRenderer {
  lang: string;
  context: TemplateContext;
  record: RenderRecord;
  md: MarkdownEnv;
  /** A block template (a section) to HTML. */
  block(source: Source): string;
  /** An inline template (caption, table cell, note) to HTML. */
  inline(source: Source): string;
  /** A template to Markdown source, before Markdown (for plain-text uses). */
  text(source: Source): string;
}

export function createProseRenderer(input: { chapter: Chapter; dataset: Dataset; stats: unknown; claims: Claims; templates: LanguageTemplates; target: Target }): ProseRenderer {
  const { chapter, dataset, stats, claims, templates, target } = input;
  const lang = templates.lang;
  const record: RenderRecord = { claims: [], refs: [] };
  const hb = createTemplateEnv({
    lang,
    labels: dataset.labels,
    claims,
    claimWording: templates.claims,
    claimsFile: templates.claimsFile,
    exhibits: new Map(numberExhibits(chapter.exhibits).map((e) => [e.id, e])),
    strings: templates.strings,
    record,
    chapterHelpers: chapter.helpers ? (label) => chapter.helpers!({ lang, stats, label }) : undefined,
  });
  const context = buildTemplateContext(chapter, dataset, stats, lang);
  const md = createMarkdown();
  const env = createMarkdownEnv(target);
  return {
    lang,
    context,
    record,
    md: env,
    block: (source) => renderBlock(md, renderTemplate(hb, source, context), env),
    inline: (source) => renderInline(md, renderTemplate(hb, source, context), env),
    text: (source) => renderTemplate(hb, source, context),
  };
}
