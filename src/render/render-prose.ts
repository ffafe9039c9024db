import type { Claims } from "../claims/evaluate-claims.ts";
import type { Dataset } from "../data/load-dataset.ts";
import type { Lang } from "../data/edition.ts";
import type { Stats } from "../stats/compute-stats.ts";
import type { LanguageTemplates, Source } from "./load-templates.ts";
import { createMarkdown, createMarkdownEnv, renderBlock, renderInline, type MarkdownEnv, type Target } from "./markdown.ts";
import { buildTemplateContext, type TemplateContext } from "./template-context.ts";
import { createTemplateEnv, renderTemplate, type ExhibitRef, type RenderRecord } from "./template-env.ts";

/** The chapter's exhibits in order: their ids fix their numbers. */
export const EXHIBITS: readonly (ExhibitRef & { data: string })[] = [
  { id: "fig1", kind: "figure", number: 1, data: "age-flows" },
  { id: "fig2", kind: "figure", number: 2, data: "population" },
  { id: "fig3", kind: "figure", number: 3, data: "mnc-growth" },
  { id: "fig4", kind: "figure", number: 4, data: "rhq" },
  { id: "table1", kind: "table", number: 1, data: "profile" },
  { id: "table2", kind: "table", number: 2, data: "region-flows" },
  { id: "table3", kind: "table", number: 3, data: "transitions" },
  { id: "table4", kind: "table", number: 4, data: "city-ranks" },
];

/** A prose renderer for one language and target: Handlebars, then Markdown, with shared numbering. */
export interface ProseRenderer {
  lang: Lang;
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

export function createProseRenderer(input: { dataset: Dataset; stats: Stats; claims: Claims; templates: LanguageTemplates; target: Target }): ProseRenderer {
  const { dataset, stats, claims, templates, target } = input;
  const lang = templates.lang;
  const record: RenderRecord = { claims: [], refs: [] };
  const hb = createTemplateEnv({
    lang,
    labels: dataset.labels,
    claims,
    claimWording: templates.claims,
    claimsFile: templates.claimsFile,
    exhibits: new Map(EXHIBITS.map((e) => [e.id, e])),
    strings: templates.strings,
    record,
  });
  const context = buildTemplateContext(dataset, stats, lang);
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
