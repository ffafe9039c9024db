/**
 * Renders one language's chapter to a complete HTML document, for print (paginated by Paged.js,
 * fonts served as assets) or for screen (self-contained: fonts inlined, footnotes as a list).
 * Pure: everything it needs is passed in; it returns the HTML and what it used.
 */
import type { DocumentInput } from "./document-input.ts";
import { numberExhibits } from "../chapter/define-exhibit.ts";
import { isIllustrative } from "../data/edition.ts";
import { TemplateError } from "../errors.ts";
import { facesForText, facesOf, fontStacks, type FontFace } from "../fonts/font-faces.ts";
import { localeOf } from "../locale/locale-of.ts";
import { authorLineHtml, authorNames } from "./author-names.ts";
import { recentMemo } from "../io/recent-memo.ts";
import { documentWithFonts, renderedPage, styleSheet, visibleText, type DocumentWithFonts } from "./document-parts.ts";
import { formatList } from "./format-number.ts";
import type { LanguageTemplates, TemplateSet } from "./load-templates.ts";
import { renderNotesList, type Target } from "./markdown.ts";
import { findDivergences } from "../reproduce/divergences.ts";
import { renderFiguresNote } from "./figures-note.ts";
import { compactSvgForHtml } from "./compact-svg.ts";
import { createProseRenderer } from "./render-prose.ts";
import { createTableContext } from "./table-model.ts";
import { createTemplateEnv, registerPartials, renderTemplate } from "./template-env.ts";
import { limitSoftHyphens } from "./limit-soft-hyphens.ts";

/** A chart as the chapter needs it (produced by src/charts). */
export interface ChartForChapter {
  svg: string;
  /** The same figure drawn for a phone's column; the screen edition shows it on narrow screens. */
  narrowSvg?: string;
  description: string;
  illustrative: boolean;
  source: string;
}

/** What the document used, in order, per section: compared between editions for parity. */
export interface ParityRecord {
  sections: { id: string; claims: string[]; refs: string[]; footnotes: number }[];
  exhibits: string[];
  exhibitFootnotes: number;
}

export interface RenderedChapter {
  html: string;
  parity: ParityRecord;
  /** Font faces the document uses (print serves these as assets). */
  fonts: FontFace[];
  /** The same document with `fontCss` as its @font-face rules (as text, or as UTF-8). */
  withFonts: DocumentWithFonts;
}

export interface ChapterInput extends DocumentInput {
  charts: ReadonlyMap<string, ChartForChapter>;
  target: Target;
  /** Extra CSS appended for print (the generated @page rules). */
  pageCss?: string;
  /** Extra <head> markup (print: the Paged.js scripts). */
  headScripts?: string;
  /** The opening illustration as markup; default greenbook's own artwork. */
  illustrationHtml?: string;
  /**
   * How the font files are referenced (print: by asset URL); absent, the document declares no
   * fonts, and `withFonts` completes it (self-contained HTML: subset fonts inlined).
   */
  fontSrc?: (face: FontFace) => string;
}

export function renderChapter(input: ChapterInput): RenderedChapter {
  const { chapter, dataset, stats, claims, templates, lang, charts, target } = input;
  const locale = localeOf(lang);
  const secondary = dataset.edition.secondary[lang] ?? lang;
  const t = languageTemplates(templates, lang);
  const tOther = languageTemplates(templates, secondary);
  const prose = createProseRenderer({ chapter, dataset, stats, claims, templates: t, target });
  // The secondary language renders only secondary captions; its records are not this edition's.
  const proseOther = createProseRenderer({ chapter, dataset, stats, claims, templates: tOther, target });
  const bind = locale.bindSpaces;
  const hyphenate = (html: string) => {
    const bound = bind ? bindSpacesInHtml(html, bind) : html;
    return breakableUrls(locale.hyphenate ? hyphenatedBy(locale.hyphenate)(bound) : bound);
  };

  const parity: ParityRecord = { sections: [], exhibits: [], exhibitFootnotes: 0 };
  const findingSections = chapter.findingSections ?? t.sections.slice(0, 1).map((s) => s.name);
  const renderSection = (source: LanguageTemplates["sections"][number]) => {
    const before = { claims: prose.record.claims.length, refs: prose.record.refs.length, notes: countNotes(prose) };
    const html = hyphenate(prose.block(source, { finding: findingSections.includes(source.name) }));
    parity.sections.push({
      id: source.name,
      claims: prose.record.claims.slice(before.claims),
      refs: prose.record.refs.slice(before.refs),
      footnotes: countNotes(prose) - before.notes,
    });
    return { id: source.name, html };
  };
  const body = t.sections.filter((s) => !isAppendix(s.name)).map(renderSection);

  const notesBefore = countNotes(prose);
  // Column headers may use helpers too ({{s.latest.year}}); they are plain text, not Markdown.
  const headers = (l: LanguageTemplates, renderer: typeof prose) => {
    const render = (id: string, key: "columns" | "spanners", heads: Record<string, string> | undefined) =>
      heads && Object.fromEntries(Object.entries(heads).map(([col, text]) => [col, text.includes("{{") ? renderer.text({ name: `${id}.${key}.${col}`, file: exhibitsFile(l), text }) : text]));
    return Object.fromEntries(Object.entries(l.exhibits).map(([id, ex]) => [id, { columns: render(id, "columns", ex.columns), spanners: render(id, "spanners", ex.spanners) }]));
  };
  const texts = { [lang]: headers(t, prose), [secondary]: headers(tOther, proseOther) };
  const strings = t.strings;
  const label = (kind: "figure" | "table", number: number, l: LanguageTemplates) => {
    const word = l.strings[kind];
    if (word === undefined) throw new TemplateError(`strings.yaml (${l.lang}): no string "${kind}"`);
    return localeOf(l.lang).exhibitLabel(word, number);
  };
  const exhibits = numberExhibits(chapter.exhibits).map((ex) => {
    const text = t.exhibits[ex.id];
    const textOther = tOther.exhibits[ex.id];
    if (!text || !textOther) throw new TemplateError(`exhibits.yaml (${text ? secondary : lang}): no entry for ${ex.id}`);
    const chart = charts.get(ex.id);
    if (ex.kind === "figure" && !chart) throw new TemplateError(`no chart rendered for ${ex.id}`);
    parity.exhibits.push(ex.id);
    const file = exhibitsFile(t);
    const entry = dataset.catalog[ex.series];
    const table =
      ex.def.kind === "table"
        ? ex.def.build(
            stats,
            createTableContext({
              id: ex.id,
              dataset,
              lang,
              secondary,
              texts,
              rowNote: (row) => {
                const note = t.exhibits[ex.id]?.rowNotes?.[row];
                return note === undefined ? undefined : prose.inline({ name: `${ex.id}.rowNotes.${row}`, file: exhibitsFile(t), text: `^[${note}]` });
              },
            }),
          )
        : undefined;
    return {
      id: ex.id,
      kind: ex.kind,
      exhibitLabel: label(ex.kind, ex.number, t),
      otherLang: secondary,
      otherExhibitLabel: label(ex.kind, ex.number, tOther),
      captionHtml: prose.inline({ name: `${ex.id}.caption`, file, text: text.caption }),
      secondaryCaptionHtml: proseOther.inline({ name: `${ex.id}.caption`, file: exhibitsFile(tOther), text: textOther.caption }),
      svg: chart && target === "screen" ? compactSvgForHtml(chart.svg) : chart?.svg,
      narrowSvg: target === "screen" && chart?.narrowSvg ? compactSvgForHtml(chart.narrowSvg) : undefined,
      description: chart?.description ?? "",
      table,
      notesHtml: text.notes ? hyphenate(prose.block({ name: `${ex.id}.notes`, file, text: text.notes })) : "",
      illustrative: chart?.illustrative ?? isIllustrative(entry?.provenance),
      source: chart?.source ?? entry?.source[lang] ?? "",
    };
  });
  parity.exhibitFootnotes = countNotes(prose) - notesBefore;
  const appendix = t.sections.filter((s) => isAppendix(s.name)).map(renderSection);
  const divergences = findDivergences(chapter, dataset, stats, claims);
  const note = renderFiguresNote({ divergences, notes: t.notes, notesFile: t.claimsFile.replace(/claims\.yaml$/, "notes.yaml"), prose, dataset, lang });
  const figuresNote = note === undefined ? undefined : hyphenate(note);
  const notesHtml = hyphenate(renderNotesList(prose.md, strings.footnotes ?? "Notes"));

  const edition = dataset.edition;
  const title = edition.chapter.title[lang];
  const subtitle = edition.chapter.subtitle[lang];
  const authors = authorNames(dataset, lang);
  const colon = locale.colon;
  // Secondary captions and headers are in another language: when its faces differ (a zh-Hans caption
  // on an English page needs the SC faces for characters the HK ones lack), they follow in the stacks.
  const secondaryFonts = localeOf(secondary).fonts;
  const withSecondary = (own: readonly string[], other: readonly string[]) => [...new Set([...own, ...other])];
  const pageFonts = { serif: withSecondary(locale.fonts.serif, secondaryFonts.serif), sans: withSecondary(locale.fonts.sans, secondaryFonts.sans) };
  const stacks = fontStacks(pageFonts);
  const illustrationHtml = input.illustrationHtml ?? chapter.artwork?.({ dataset, stats, lang, fonts: stacks }) ?? "";
  const layoutContext = {
    lang,
    script: locale.script,
    target,
    /** Markup only the screen edition carries (keyboard access to scrolling tables). */
    screen: target === "screen",
    colon,
    meta: {
      title: `${title}${colon}${subtitle} — ${edition.book[lang]}`,
      authors: authors.join(locale.nameSeparator),
      subject: edition.book[lang],
      keywords: (edition.keywords[lang] ?? []).join(locale.nameSeparator),
      generator: edition.version,
    },
    css: "", // filled below, once the text is known
    headScripts: input.headScripts ?? "",
    illustration: { caption: edition.illustration.caption[lang], credit: edition.illustration.credit[lang] },
    illustrationHtml,
    book: edition.book[lang],
    title,
    titleSeparator: colon,
    subtitle,
    authors,
    authorLine: authorLineHtml(dataset, lang, (names) => (locale.bylineSeparator !== undefined ? names.join(locale.bylineSeparator) : formatList(names, lang))),
    sections: body,
    exhibits,
    appendix,
    figuresNote,
    notesHtml,
    strings,
    version: edition.version,
    dataHash: dataset.sha256.slice(0, 7),
  };
  const layout = templates.shared.layouts.get("chapter");
  if (!layout) throw new TemplateError("templates/layouts/chapter.hbs is missing");
  const hb = createTemplateEnv({ lang, labels: dataset.labels, claims, claimWording: {}, claimsFile: "", exhibits: new Map(), strings, record: { claims: [], refs: [] } });
  registerPartials(hb, templates.shared.partials);

  const rest = [
    `:root{--serif:${stacks.serif};--sans:${stacks.sans};}`,
    styleSheet(templates, "base"),
    target === "print" ? styleSheet(templates, "print") : styleSheet(templates, "screen"),
    input.pageCss ?? "",
  ];
  const withFonts = documentWithFonts({ render: (css) => renderTemplate(hb, layout, { ...layoutContext, css }), rest, locale, lang, target });
  const draftText = () => visibleText(renderTemplate(hb, layout, layoutContext)) + (input.pageCss ?? "") + "0123456789–—−%()";
  return renderedPage(parity, withFonts, input.fontSrc, () => facesForText(facesOf([...pageFonts.serif, ...pageFonts.sans]), draftText()));
}

/**
 * `hyphenateProse` with one hyphenator, remembering its last sections: an edit changes a number
 * or a sentence, and the sections it did not touch come back as they were (pattern hyphenation
 * of every word was the largest part of an edit's render).
 */
const hyphenators = new WeakMap<(html: string) => string, (html: string) => string>();
function hyphenatedBy(hyphenate: (html: string) => string): (html: string) => string {
  let memo = hyphenators.get(hyphenate);
  if (!memo) hyphenators.set(hyphenate, (memo = recentMemo(64, (html) => hyphenateProse(html, hyphenate))));
  return memo;
}

/**
 * English prose with soft hyphens (TeX patterns, en-GB) where a line may break, within a
 * typesetter's limits (limit-soft-hyphens.ts). Headings (they also become the PDF's bookmarks) and
 * URLs (they must survive copying) are left whole.
 */
function hyphenateProse(html: string, hyphenate: (html: string) => string): string {
  const kept: string[] = [];
  const keep = (m: string) => `\u0000${kept.push(m) - 1}\u0000`;
  const masked = html.replace(/<h[1-6][\s\S]*?<\/h[1-6]>/g, keep).replace(/(?:https?:\/\/|www\.)[^\s<]*/g, keep);
  return limitSoftHyphens(hyphenate(masked)).replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]!);
}

/** `bind` applied to the text of `html` between its tags (attributes and URLs in them untouched). */
export function bindSpacesInHtml(html: string, bind: (text: string) => string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : bind(part)))
    .join("");
}

/**
 * URLs in the text may break after a slash or before a hyphen, never after one: a line ending in
 * "Northern-Metropolis-" would read as a word hyphenated by the typesetter, and the reader could
 * not tell whether the URL has the hyphen. The hyphen is kept with the character after it.
 */
export function breakableUrls(html: string): string {
  return bindSpacesInHtml(html, (text) =>
    text.replace(/(?:https?:\/\/|www\.)[^\s<]*/g, (url) => {
      const [, scheme = "", rest = ""] = /^(https?:\/\/)?(.*)$/s.exec(url) ?? [];
      return scheme + rest.replace(/\/(?=.)/g, "/<wbr>").replace(/-(.)/gs, '<wbr><span class="nobr">-$1</span>');
    }),
  );
}

function languageTemplates(templates: TemplateSet, lang: string): LanguageTemplates {
  const t = templates.languages.get(lang);
  if (!t) throw new TemplateError(`no templates loaded for ${lang}`);
  return t;
}

function isAppendix(name: string): boolean {
  return /^9\d-/.test(name);
}

function exhibitsFile(t: LanguageTemplates): string {
  return t.claimsFile.replace(/claims\.yaml$/, "exhibits.yaml");
}

function countNotes(prose: { md: { notes: string[]; printNotes: number } }): number {
  return prose.md.notes.length + prose.md.printNotes;
}
