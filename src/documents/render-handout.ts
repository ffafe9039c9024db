/**
 * Renders one language's press handout to a complete HTML document: a single A4 sheet with a
 * masthead, the headline finding, key numbers, key findings beside the compact Figure 1, the
 * policy recommendations and a source note. Prose comes from templates/<lang>/handout/*.md (the
 * blocks the chapter's handout declares), rendered with the chapter's helpers and claims. Pure.
 */
import type { DocumentInput } from "../render/document-input.ts";
import { documentWithFonts, renderedPage, styleSheet, visibleText, type DocumentWithFonts } from "../render/document-parts.ts";
import type { HandoutDef } from "../chapter/define-chapter.ts";
import type { Claims } from "../claims/evaluate-claims.ts";
import { isIllustrative, PAGE_SIZES } from "../data/edition.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { TemplateError } from "../errors.ts";
import { facesForText, facesOf, fontStacks, type FontFace } from "../fonts/font-faces.ts";
import { localeOf } from "../locale/locale-of.ts";
import { formatDate, formatList } from "../render/format-number.ts";
import type { LanguageTemplates } from "../render/load-templates.ts";
import type { Target } from "../render/markdown.ts";
import type { ChartForChapter, ParityRecord } from "../render/render-chapter.ts";
import { messages } from "../messages.ts";
import { createProseRenderer } from "../render/render-prose.ts";
import { authorLineHtml, authorNames } from "../render/author-names.ts";
import { createTemplateEnv, renderTemplate } from "../render/template-env.ts";

/** The page the handout is printed on. */
export const HANDOUT_PAGE = { name: "A4", ...PAGE_SIZES.A4! };

export interface HandoutInput extends DocumentInput {
  /** The compact Figure 1, drawn with its own title, source line and illustrative mark. */
  chart: ChartForChapter;
  target: Target;
  /**
   * How the font files are referenced (print: by asset URL); absent, the document declares no
   * fonts, and `withFonts` completes it (self-contained HTML: subset fonts inlined).
   */
  fontSrc?: (face: FontFace) => string;
}

export interface RenderedHandout {
  html: string;
  /** Claims used per block, in order: compared between the languages. */
  parity: ParityRecord;
  /** Font faces the document uses (print serves these as assets). */
  fonts: FontFace[];
  /** The same document with `fontCss` as its @font-face rules (as text, or as UTF-8). */
  withFonts: DocumentWithFonts;
}

/** One source line of the note: a catalog source and whether its series is illustrative. */
interface SourceLine {
  text: string;
  illustrative: boolean;
}

export function renderHandout(input: HandoutInput): RenderedHandout {
  const { chapter, dataset, stats, claims, templates, lang, chart, target } = input;
  const handout = chapter.handout;
  if (!handout) throw new TemplateError(`the chapter "${chapter.id}" declares no handout`);
  const locale = localeOf(lang);
  const t = templates.languages.get(lang);
  if (!t) throw new TemplateError(`no templates loaded for ${lang}`);
  const sources = handoutSources(t, lang, handout);
  const prose = createProseRenderer({ chapter, dataset, stats, claims, templates: t, target });
  const figure = [...chapter.exhibits, ...(chapter.variants ?? [])].find((f) => f.id === handout.chart);
  if (figure && dataset.catalog[figure.series]?.provenance === "illustrative") throw new TemplateError(messages.illustrativeChart(figure.id, figure.series));
  const findings = handout.findings ?? handout.blocks;

  const parity: ParityRecord = { sections: [], exhibits: [], exhibitFootnotes: 0 };
  const blocks: Record<string, string> = {};
  for (const name of handout.blocks) {
    const source = sources.get(name)!;
    const before = prose.record.claims.length;
    const html = prose.block(source, { finding: findings.includes(name) });
    if (prose.record.refs.length) throw new TemplateError(`${source.file}: the handout has no figures or tables to refer to; remove {{ref}}`);
    if (prose.md.notes.length + prose.md.printNotes > 0) throw new TemplateError(`${source.file}: footnotes do not fit a one-page handout; remove ^[…]`);
    checkItemCount(handout.listLimits?.[name], source.file, html);
    blocks[name] = keepRangesTogether(handout.numberBlocks?.includes(name) ? splitUnits(html) : html);
    parity.sections.push({ id: name, claims: prose.record.claims.slice(before), refs: [], footnotes: 0 });
  }

  const edition = dataset.edition;
  const colon = locale.colon;
  const stacks = fontStacks(locale.fonts);
  const authors = authorNames(dataset, lang);
  const strings = t.strings;
  const layoutContext = {
    lang,
    script: locale.script,
    punctuation: locale.punctuation,
    target,
    /** Markup only the screen edition carries (the chart as one image to assistive technology). */
    screen: target === "screen",
    colon,
    meta: {
      title: `${str(strings, "brief", t)}${colon}${edition.chapter.title[lang]} — ${edition.book[lang]}`,
      authors: authors.join(locale.nameSeparator),
      subject: edition.book[lang],
      keywords: (edition.keywords[lang] ?? []).join(locale.nameSeparator),
      generator: edition.version,
    },
    css: "",
    brief: str(strings, "brief", t),
    book: edition.book[lang],
    publisher: edition.publisher[lang],
    title: edition.chapter.title[lang],
    subtitle: edition.chapter.subtitle[lang],
    released: `${str(strings, "released", t)}${colon}${formatDate(edition.releaseDate, lang)}`,
    embargo: edition.embargo[lang],
    authorsLabel: str(strings, "authors", t),
    authorLine: authorLineHtml(dataset, lang, (names) => (locale.script === "han" ? names.join(locale.nameSeparator) : formatList(names, lang))),
    contact: edition.contact[lang],
    blocks,
    chart,
    sourcesLabel: str(strings, "sources", t),
    sources: sourceLines(dataset, lang, handout.series),
    illustrativeLabel: str(strings, "illustrative", t),
    version: `${str(strings, "version", t)} ${edition.version} · ${str(strings, "data", t)} ${dataset.sha256.slice(0, 7)}`,
  };
  const layout = templates.shared.layouts.get("handout");
  if (!layout) throw new TemplateError("templates/layouts/handout.hbs is missing");
  const hb = createTemplateEnv({ lang, labels: dataset.labels, claims, claimWording: {}, claimsFile: "", exhibits: new Map(), strings, record: { claims: [], refs: [] } });

  const pageCss = target === "print" ? `@page { size: ${HANDOUT_PAGE.width} ${HANDOUT_PAGE.height}; margin: 0; }` : "";
  const rest = [
    `:root{--serif:${stacks.serif};--sans:${stacks.sans};--sheet-width:${HANDOUT_PAGE.width};--sheet-height:${HANDOUT_PAGE.height};}`,
    styleSheet(templates, "base"),
    styleSheet(templates, "handout"),
    ...(target === "screen" ? [styleSheet(templates, "handout-screen")] : []),
    pageCss,
  ];
  const withFonts = documentWithFonts({ render: (css) => renderTemplate(hb, layout, { ...layoutContext, css }), rest, locale, lang, target });
  const draftText = () => visibleText(renderTemplate(hb, layout, layoutContext)) + "0123456789–—−%()";
  return renderedPage(parity, withFonts, input.fontSrc, () => facesForText(facesOf([...locale.fonts.serif, ...locale.fonts.sans]), draftText()));
}

/** The handout's prose blocks by name; a missing or unexpected file is an error. */
function handoutSources(t: LanguageTemplates, lang: string, handout: HandoutDef) {
  const dir = `templates/${lang}/handout/`;
  const blocks = handout.blocks;
  const missing = blocks.filter((b) => !t.handout.has(b));
  if (missing.length) throw new TemplateError(`${dir}: missing ${missing.map((m) => `${m}.md`).join(", ")} (the handout needs ${blocks.map((b) => `${b}.md`).join(", ")})`);
  const extra = [...t.handout.keys()].filter((k) => !blocks.includes(k));
  if (extra.length) throw new TemplateError(`${dir}: ${extra.map((e) => `${e}.md`).join(", ")} has no place on the handout (expected ${blocks.map((b) => `${b}.md`).join(", ")})`);
  return t.handout;
}

/** Key numbers, findings and recommendations are lists whose length the design allows for. */
function checkItemCount(limits: readonly [number, number] | undefined, file: string, html: string): void {
  if (!limits) return;
  const [min, max] = limits;
  const items = (html.match(/<li>/g) ?? []).length;
  if (items < min || items > max) {
    const range = min === max ? `${min}` : `${min} to ${max}`;
    throw new TemplateError(`${file}: expected a list of ${range} items, got ${items}`);
  }
}

/** `<strong>7.52 million</strong>` → the unit in its own span, so the figure can be set larger than it. */
function splitUnits(html: string): string {
  return html.replace(/<strong>([−+]?[\d.,]*\d)([^<\d.,][^<]*)<\/strong>/g, (_, n: string, unit: string) => `<strong>${n}<span class="unit">${unit}</span></strong>`);
}

/** An age group ("30–34") or a period ("mid-2019") never breaks at its dash: short lines make that likely. */
function keepRangesTogether(html: string): string {
  return html.replace(/(?:\d+|\bmid|\bend)[–-]\d+/g, (range) => `<span class="nobr">${range}</span>`);
}

/** Each catalog source the handout prints from, once, in the order the chapter's handout lists them. */
function sourceLines(dataset: Dataset, lang: string, series: readonly string[]): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const name of series) {
    const entry = dataset.catalog[name];
    if (!entry) throw new TemplateError(`data/catalog.yaml: no entry "${name}", which the handout cites`);
    const text = entry.source[lang] ?? "";
    const illustrative = isIllustrative(entry.provenance);
    if (!lines.some((l) => l.text === text)) lines.push({ text, illustrative });
  }
  // Illustrative data last, where the note explains them.
  return [...lines.filter((l) => !l.illustrative), ...lines.filter((l) => l.illustrative)];
}

function str(strings: Record<string, string>, key: string, t: LanguageTemplates): string {
  const s = strings[key];
  if (s === undefined) throw new TemplateError(`${t.claimsFile.replace(/claims\.yaml$/, "strings.yaml")}: no string "${key}"`);
  return s;
}

