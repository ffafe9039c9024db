/**
 * Renders one language's press handout to a complete HTML document: a single A4 sheet with a
 * masthead, the headline finding, key numbers, key findings beside the compact Figure 1, the
 * policy recommendations and a source note. Prose comes from templates/<lang>/handout/*.md,
 * rendered with the chapter's helpers and claims. Pure: everything it needs is passed in.
 */
import { styleSheet, visibleText } from "./document-parts.ts";
import type { Claims } from "../claims/evaluate-claims.ts";
import type { Lang } from "../data/edition.ts";
import { isIllustrative, PAGE_SIZES } from "../data/edition.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { TemplateError } from "../errors.ts";
import { facesForText, fontFaceCss, FONT_STACKS, loadFontFaces, type FontFace } from "../fonts/font-faces.ts";
import type { Stats } from "../stats/compute-stats.ts";
import { formatDate, formatList } from "./format-number.ts";
import type { LanguageTemplates, TemplateSet } from "./load-templates.ts";
import type { Target } from "./markdown.ts";
import type { ChartForChapter, ParityRecord } from "./render-chapter.ts";
import { createProseRenderer } from "./render-prose.ts";
import { authorNames } from "./template-context.ts";
import { createTemplateEnv, renderTemplate } from "./template-env.ts";

/** The prose blocks of templates/<lang>/handout/, each placed in its slot on the sheet. */
export const HANDOUT_BLOCKS = ["headline", "numbers", "findings", "recommendations", "provenance"] as const;
export type HandoutBlock = (typeof HANDOUT_BLOCKS)[number];

/** The data series the handout prints from (numbers, findings, chart): its source note lists them. */
export const HANDOUT_SERIES = ["linkedin-totals", "age-flows", "profile", "region-flows", "population", "immigration"] as const;

/** How many key numbers and findings fit the sheet's design. */
const LIMITS = { numbers: [3, 5], findings: [4, 6], recommendations: [2, 2] } as const;

/** The page the handout is printed on. */
export const HANDOUT_PAGE = { name: "A4", ...PAGE_SIZES.A4! };

export interface HandoutInput {
  dataset: Dataset;
  stats: Stats;
  claims: Claims;
  templates: TemplateSet;
  lang: Lang;
  /** The compact Figure 1, drawn with its own title, source line and illustrative mark. */
  chart: ChartForChapter;
  target: Target;
  /** How fonts are referenced: by asset URL (print) or inlined as data: URIs (self-contained HTML). */
  fontSrc: (face: FontFace) => string;
}

export interface RenderedHandout {
  html: string;
  /** Claims used per block, in order: compared between the languages. */
  parity: ParityRecord;
  /** Font faces the document uses (print serves these as assets). */
  fonts: FontFace[];
}

/** One source line of the note: a catalog source and whether its series is illustrative. */
interface SourceLine {
  text: string;
  illustrative: boolean;
}

export function renderHandout(input: HandoutInput): RenderedHandout {
  const { dataset, stats, claims, templates, lang, chart, target } = input;
  const t = templates.languages.get(lang);
  if (!t) throw new TemplateError(`no templates loaded for ${lang}`);
  const sources = handoutSources(t, lang);
  const prose = createProseRenderer({ dataset, stats, claims, templates: t, target });

  const parity: ParityRecord = { sections: [], exhibits: [], exhibitFootnotes: 0 };
  const blocks = {} as Record<HandoutBlock, string>;
  for (const name of HANDOUT_BLOCKS) {
    const source = sources.get(name)!;
    const before = prose.record.claims.length;
    const html = prose.block(source);
    if (prose.record.refs.length) throw new TemplateError(`${source.file}: the handout has no figures or tables to refer to; remove {{ref}}`);
    if (prose.md.notes.length + prose.md.printNotes > 0) throw new TemplateError(`${source.file}: footnotes do not fit a one-page handout; remove ^[…]`);
    checkItemCount(name, source.file, html);
    blocks[name] = keepRangesTogether(name === "numbers" ? splitUnits(html) : html);
    parity.sections.push({ id: name, claims: prose.record.claims.slice(before), refs: [], footnotes: 0 });
  }

  const edition = dataset.edition;
  const colon = lang === "zh-HK" ? "：" : ": ";
  const authors = authorNames(dataset, lang);
  const strings = t.strings;
  const layoutContext = {
    lang,
    target,
    colon,
    meta: {
      title: `${str(strings, "brief", t)}${colon}${edition.chapter.title[lang]} — ${edition.book[lang]}`,
      authors: authors.join(lang === "zh-HK" ? "、" : ", "),
      subject: edition.book[lang],
      keywords: edition.keywords[lang].join(lang === "zh-HK" ? "、" : ", "),
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
    authorLine: lang === "zh-HK" ? authors.join("、") : formatList(authors, lang),
    contact: edition.contact[lang],
    blocks,
    chart,
    sourcesLabel: str(strings, "sources", t),
    sources: sourceLines(dataset, lang),
    illustrativeLabel: str(strings, "illustrative", t),
    version: `${str(strings, "version", t)} ${edition.version} · ${str(strings, "data", t)} ${dataset.sha256.slice(0, 7)}`,
  };
  const layout = templates.shared.layouts.get("handout");
  if (!layout) throw new TemplateError("templates/layouts/handout.hbs is missing");
  const hb = createTemplateEnv({ lang, labels: dataset.labels, claims, claimWording: {}, claimsFile: "", exhibits: new Map(), strings, record: { claims: [], refs: [] } });

  const pageCss = target === "print" ? `@page { size: ${HANDOUT_PAGE.width} ${HANDOUT_PAGE.height}; margin: 0; }` : "";
  const draft = renderTemplate(hb, layout, layoutContext);
  const faces = facesForText(loadFontFaces(), visibleText(draft) + "0123456789–—−%()");
  const css = [
    fontFaceCss(faces, input.fontSrc),
    `:root{--serif:${FONT_STACKS.serif};--sans:${FONT_STACKS.sans};--sheet-width:${HANDOUT_PAGE.width};--sheet-height:${HANDOUT_PAGE.height};}`,
    styleSheet(templates, "base"),
    styleSheet(templates, "handout"),
    pageCss,
  ].join("\n");
  const html = renderTemplate(hb, layout, { ...layoutContext, css });
  return { html, parity, fonts: faces };
}

/** The handout's prose blocks by name; a missing or unexpected file is an error. */
function handoutSources(t: LanguageTemplates, lang: Lang) {
  const dir = `templates/${lang}/handout/`;
  const missing = HANDOUT_BLOCKS.filter((b) => !t.handout.has(b));
  if (missing.length) throw new TemplateError(`${dir}: missing ${missing.map((m) => `${m}.md`).join(", ")} (the handout needs ${HANDOUT_BLOCKS.map((b) => `${b}.md`).join(", ")})`);
  const extra = [...t.handout.keys()].filter((k) => !(HANDOUT_BLOCKS as readonly string[]).includes(k));
  if (extra.length) throw new TemplateError(`${dir}: ${extra.map((e) => `${e}.md`).join(", ")} has no place on the handout (expected ${HANDOUT_BLOCKS.map((b) => `${b}.md`).join(", ")})`);
  return t.handout;
}

/** Key numbers, findings and recommendations are lists whose length the design allows for. */
function checkItemCount(name: HandoutBlock, file: string, html: string): void {
  if (!(name in LIMITS)) return;
  const [min, max] = LIMITS[name as keyof typeof LIMITS];
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

/** Each catalog source the handout prints from, once, in the order of HANDOUT_SERIES. */
function sourceLines(dataset: Dataset, lang: Lang): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const series of HANDOUT_SERIES) {
    const entry = dataset.catalog[series];
    if (!entry) throw new TemplateError(`data/catalog.yaml: no entry "${series}", which the handout cites`);
    const text = entry.source[lang];
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

