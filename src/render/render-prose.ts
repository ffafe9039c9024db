import type { Chapter } from "../chapter/define-chapter.ts";
import { numberExhibits } from "../chapter/define-exhibit.ts";
import type { Claims } from "../claims/evaluate-claims.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { isIllustrative } from "../data/edition.ts";
import { authorNames } from "./author-names.ts";
import type { LanguageTemplates, Source } from "./load-templates.ts";
import { createMarkdown, createMarkdownEnv, renderBlock, renderInline, type MarkdownEnv, type Target } from "./markdown.ts";
import { createTemplateEnv, renderTemplate, type RenderRecord, type TemplateRuntime } from "./template-env.ts";
import { seriesOf } from "../claims/lineage.ts";
import { traceStatistics } from "../claims/trace-statistics.ts";
import { TemplateError } from "../errors.ts";
import { messages } from "../messages.ts";

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

/** One Markdown parser for every render (4 per chapter build): its rules never change, and what a render counts lives in its env. */
let sharedMarkdown: ReturnType<typeof createMarkdown> | undefined;

/** A prose renderer for one language and target: Handlebars, then Markdown, with shared numbering. */
export interface ProseRenderer {
  lang: string;
  context: TemplateContext;
  record: RenderRecord;
  md: MarkdownEnv;
  /** A block template (a section) to HTML; a `finding` part may state nothing resting on illustrative data. */
  block(source: Source, options?: { finding?: boolean }): string;
  /** An inline template (caption, table cell, note) to HTML. */
  inline(source: Source): string;
  /** A template to Markdown source, before Markdown (for plain-text uses). */
  text(source: Source): string;
  /** As `text`, with more values beside the context's (e.g. a claim's `facts`). */
  textWith(source: Source, extra: Record<string, unknown>): string;
  /** Markdown source (already rendered) to HTML, numbered with the rest. */
  markdown(text: string): string;
}

export function createProseRenderer(input: { chapter: Chapter; dataset: Dataset; stats: unknown; claims: Claims; templates: LanguageTemplates; target: Target }): ProseRenderer {
  const { chapter, dataset, stats, claims, templates, target } = input;
  const lang = templates.lang;
  const record: RenderRecord = { claims: [], refs: [] };
  // Made-up stand-ins for values the published chapter never printed. (A synthetic panel's tables are
  // marked on their charts but may be stated: a chapter built from one exists to run the chain.)
  const illustrativeOf = (series: readonly string[]) => series.filter((name) => dataset.catalog[name]?.provenance === "illustrative");
  const runtime: TemplateRuntime = {
    lang,
    labels: dataset.labels,
    claims,
    claimWording: templates.claims,
    claimsFile: templates.claimsFile,
    exhibits: new Map(numberExhibits(chapter.exhibits).map((e) => [e.id, e])),
    strings: templates.strings,
    record,
    chapterHelpers: chapter.helpers ? (label) => chapter.helpers!({ lang, stats, label }) : undefined,
    illustrativeSeries: (claim) => illustrativeOf(claim.series),
  };
  const hb = createTemplateEnv(runtime);
  const context = buildTemplateContext(chapter, dataset, stats, lang);
  /** Renders a part that states findings: no claim or statistic from illustrative data may appear in it. */
  const renderFinding = (source: Source): string => {
    runtime.finding = source.file;
    try {
      const { result, keys } = traceStatistics(stats, (s) => renderTemplate(hb, source, { ...context, s }));
      const shaky = illustrativeOf(seriesOf(keys, chapter.lineage));
      if (shaky.length) throw new TemplateError(messages.illustrativeStatistic(source.file, keys.filter((k) => illustrativeOf(chapter.lineage?.[k as never] ?? []).length), shaky));
      return result;
    } finally {
      runtime.finding = undefined;
    }
  };
  const md = (sharedMarkdown ??= createMarkdown());
  const env = createMarkdownEnv(target);
  return {
    lang,
    context,
    record,
    md: env,
    block: (source, options) => renderBlock(md, options?.finding ? renderFinding(source) : renderTemplate(hb, source, context), env),
    inline: (source) => renderInline(md, renderTemplate(hb, source, context), env),
    text: (source) => renderTemplate(hb, source, context),
    textWith: (source, extra) => renderTemplate(hb, source, { ...context, ...extra }),
    markdown: (text) => renderBlock(md, text, env),
  };
}
