/**
 * The printed chapter, tested by what a reader gets from the PDF in each language: the text of
 * every section, table and footnote, where footnotes and running heads sit, page numbers from
 * the edition's start page, fonts, tagging, outline and metadata. Everything expected is derived
 * from the data and the templates, never copied from the prose.
 */
import type { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CityRankColumn } from "../../chapters/brain-drain/stats/compute-stats.ts";
import { printedDecimals } from "../../chapters/brain-drain/tables.ts";
import { buildEdition } from "../../src/pipeline/build-edition.ts";
import { authorNames } from "../../src/render/author-names.ts";
import { formatNumber, formatPercent } from "../../src/render/format-number.ts";
import { loadTemplates, type LanguageTemplates } from "../../src/render/load-templates.ts";
import { chapter, computeStats, loadData, TEMPLATES_DIR, type ChapterDataset, type Stats } from "../helpers/chapter.ts";
import { DATA_DIR, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";
import { loadPdf, pdfFonts, pdfInfo, pdfInternalLinks, pdfLanguage, pdfOutline, pdfPageSize, pdfPageTexts, pdfText, squash } from "../helpers/pdf.ts";

type Lang = string;
type Dataset = ChapterDataset;
const dataset: Dataset = loadData(DATA_DIR);
const stats: Stats = computeStats(dataset);
const edition = dataset.edition;
const templates = loadTemplates(chapter, edition.languages, TEMPLATES_DIR);

let outDir = "";
const pdfs = new Map<Lang, { file: string; doc: PDFDocument; pages: string[]; layout: string }>();

beforeAll(async () => {
  outDir = makeTempDir("greenbook-chapter-");
  const result = await buildEdition({ chapter, dataDir: DATA_DIR, templatesDir: TEMPLATES_DIR, outDir, documents: ["chapter"] });
  for (const f of result.files.filter((x) => x.document === "chapter" && x.format === "pdf")) {
    pdfs.set(f.lang, { file: f.path, doc: await loadPdf(f.path), pages: pdfPageTexts(f.path), layout: pdfText(f.path, { layout: true }) });
  }
}, 180_000);

afterAll(removeDataCopies);

function pdf(lang: Lang) {
  const p = pdfs.get(lang);
  if (!p) throw new Error(`no ${lang} chapter PDF was built`);
  return p;
}

function lang(l: Lang): LanguageTemplates {
  const t = templates.languages.get(l);
  if (!t) throw new Error(`no templates for ${l}`);
  return t;
}

const other = (l: Lang): Lang => (l === "zh-HK" ? "en" : "zh-HK");
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The `## ` headings of the chapter's sections, in order. */
function sectionHeadings(l: Lang): string[] {
  return lang(l).sections.flatMap((s) =>
    [...s.text.matchAll(/^## (.+)$/gm)].map((m) => {
      if (m[1]!.includes("{{")) throw new Error(`${s.file}: the heading "${m[1]}" is bound to data; this test reads headings as plain text`);
      return m[1]!.trim();
    }),
  );
}

/** The bodies of the `^[…]` footnotes in a Markdown source, brackets balanced (helpers may use `[0]`). */
function footnoteBodies(source: string): string[] {
  const out: string[] = [];
  for (let i = source.indexOf("^["); i >= 0; i = source.indexOf("^[", i + 2)) {
    let depth = 0;
    for (let j = i + 1; j < source.length; j++) {
      if (source[j] === "[") depth++;
      else if (source[j] === "]" && --depth === 0) {
        out.push(source.slice(i + 2, j));
        break;
      }
    }
  }
  return out;
}

/** Words that identify a footnote: the start of its text, up to the first helper. */
function distinctive(body: string): string {
  const plain = body.split("{{")[0]!.replace(/\s+/g, " ").trim();
  if ([...plain].length < 8) throw new Error(`footnote "${body}" has too little plain text to be found`);
  return [...plain].slice(0, 32).join("");
}

/** Every footnote of the chapter in `l`: the sections' in order, then the table row notes. */
function footnotes(l: Lang): string[] {
  const t = lang(l);
  const inProse = t.sections.flatMap((s) => footnoteBodies(s.text));
  const inTables = Object.values(t.exhibits).flatMap((e) => Object.values(e.rowNotes ?? {}));
  return [...inProse, ...inTables].map(distinctive);
}

function label(dataset: Dataset, key: string): { en: string; "zh-HK": string } {
  const l = dataset.labels.get(key);
  if (!l || l.en === undefined || l["zh-HK"] === undefined) throw new Error(`no label ${key}`);
  return { en: l.en, "zh-HK": l["zh-HK"] };
}

/** Table 4's rank columns, left to right. */
const RANK_COLUMNS: CityRankColumn[] = ["bachelor_rate_rank", "mba_rate_rank", "phd_rate_rank", "founder_rate_rank", "bachelor_the_rank", "master_the_rank", "phd_the_rank"];

/** A table row as pdftotext -layout prints it: its label and its cells, in order, on one line. */
interface ExpectedRow {
  label: { en: string; "zh-HK": string };
  cells: string[];
}

function expectedRows(l: Lang): Record<"table1" | "table2" | "table3" | "table4", ExpectedRow[]> {
  const n = (v: number, decimals = 0) => formatNumber(v, l, decimals);
  const withSub = (all: number, sub: number) => [n(all), `(${n(sub)})`];
  return {
    table1: stats.profile.rows.map((r) => ({
      label: label(dataset, `profile:${r.id}`),
      cells: [n(r.joiner, printedDecimals(r.joiner, r.decimals)), n(r.leaver, printedDecimals(r.leaver, r.decimals)), ...(r.t === undefined ? [] : [n(r.t, 2)])],
    })),
    table2: stats.regions.rows.map((r) => ({
      label: label(dataset, `region:${r.id}`),
      cells: [...withSub(r.leave, r.edu.leave), ...withSub(r.join, r.edu.join), ...withSub(r.net, r.edu.net), ...withSub(r.turnover, r.edu.turnover)],
    })),
    table3: stats.transitions.rows.map((r) => ({
      label: label(dataset, `transition:${r.transition}`),
      cells: [n(r.count), formatPercent(r.share, l, 2).replace("%", "")],
    })),
    table4: stats.cities.rows.map((c) => ({
      label: label(dataset, `city:${c.id}`),
      cells: [n(c.users), ...RANK_COLUMNS.flatMap((col) => (c.ranks[col] === undefined ? [] : [n(c.ranks[col]!)]))],
    })),
  };
}

/** The line of `layoutText` holding the row's cells in order, with its label on it or just above. */
function findRow(layoutText: string, row: ExpectedRow): string | undefined {
  const cells = new RegExp(`(?<![\\d.,])${row.cells.map(escapeRe).join("\\s+")}(?![\\d.,])`);
  const lines = layoutText.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!cells.test(lines[i]!)) continue;
    const near = squash(lines.slice(Math.max(0, i - 3), i + 1).join("\n"));
    if (near.includes(squash(row.label.en)) || near.includes(squash(row.label["zh-HK"]))) return lines[i];
  }
  return undefined;
}

/** The page (1-based) whose text contains `needle` (squashed), or -1. */
function pageOf(pages: string[], needle: string): number {
  return pages.findIndex((p) => squash(p).includes(squash(needle))) + 1 || -1;
}

describe.each(edition.languages)("the chapter PDF (%s)", (l) => {
  const title = edition.chapter.title[l]!;
  const subtitle = edition.chapter.subtitle[l]!;
  const colon = l === "zh-HK" ? "：" : ": ";
  // Running heads: the book on versos, the chapter on rectos (in Chinese with its subtitle, as in the book).
  const chapterHead = l === "zh-HK" ? `${title}：${subtitle}` : title;

  it("has every section heading, in order", () => {
    const text = squash(pdf(l).pages.join(""));
    const headings = sectionHeadings(l);
    expect(headings.length).toBeGreaterThanOrEqual(8);
    const at = headings.map((h) => text.indexOf(squash(h)));
    expect(Object.fromEntries(headings.map((h, i) => [h, at[i]! >= 0]))).toEqual(Object.fromEntries(headings.map((h) => [h, true])));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it("prints each table's numbers in their rows", () => {
    const rows = expectedRows(l);
    for (const [table, expected] of Object.entries(rows)) {
      const missing = expected.filter((row) => !findRow(pdf(l).layout, row)).map((row) => `${row.label.en}: ${row.cells.join(" ")}`);
      expect(missing, `${table}: rows not found on one line with their label`).toEqual([]);
    }
    // The headline row of Table 2 on the shipped data: the United States, 10,186 joined, net 4,532.
    const us = findRow(pdf(l).layout, rows.table2.find((r) => r.label.en === "United States")!);
    expect(us).toMatch(/10,186 \(\d+\)\s+4,532 /);
  });

  it("has the figure and table captions with their numbers, after the text", () => {
    const t = lang(l);
    const { pages, doc } = pdf(l);
    const textEnds = pageOf(pages, sectionHeadings(l).filter((h) => !/^(附錄|Appendix)/.test(h)).at(-1)!);
    // The references in the prose link to the exhibits: the link target is the exhibit's page.
    const targets = new Map(pdfInternalLinks(doc).map((link) => [link.name, link.targetPage]));
    const exhibits = [
      ...[1, 2, 3, 4].map((n) => ({ id: `fig${n}`, word: t.strings.figure!, n })),
      ...[1, 2, 3, 4].map((n) => ({ id: `table${n}`, word: t.strings.table!, n })),
    ];
    for (const ex of exhibits) {
      const numbered = l === "zh-HK" ? `${ex.word}${ex.n}` : `${ex.word} ${ex.n}`;
      const page = targets.get(ex.id);
      expect(page, `a link to ${ex.id}`).toBeDefined();
      expect(page!, `${numbered} is placed after the text`).toBeGreaterThanOrEqual(textEnds);
      // The caption's plain text (helpers print data), right after the number when it starts the caption.
      const caption = t.exhibits[ex.id]!.caption;
      const plain = caption.split(/\{\{[^}]*\}\}/).map((p) => p.trim()).filter(Boolean);
      const onPage = squash(pages[page! - 1]!);
      expect(onPage).toContain(squash(numbered));
      if (!caption.trimStart().startsWith("{{")) expect(onPage).toContain(squash(`${numbered}${plain[0]}`));
      for (const part of plain) expect(onPage).toContain(squash(part));
    }
  });

  it("numbers the policy recommendations as the Markdown list does", () => {
    const source = lang(l).sections.find((s) => s.name.includes("recommendations"));
    expect(source).toBeDefined();
    const items = [...source!.text.matchAll(/^(\d+)\. \*\*(.+?)\*\*/gm)].map((m) => `${m[1]}${m[2]}`);
    expect(items.length).toBeGreaterThanOrEqual(2);
    const text = squash(pdf(l).layout);
    expect(items.filter((item) => !text.includes(squash(item)))).toEqual([]);
  });

  it("has all six footnotes, each at the bottom of one page and on the page of its call", () => {
    const { file, doc } = pdf(l);
    const notes = footnotes(l);
    expect(notes).toHaveLength(6);
    const { width, height } = pdfPageSize(file);
    // The bottom of each page: where footnotes go (the body text above is cut off).
    const bottoms = pdfPageTexts(file, { layout: true, crop: { x: 0, y: height * 0.55, width, height: height * 0.45 } }).map(squash);
    const pagesOfNotes = notes.map((note, i) => {
      // Numbered 1, 2, 3… through the chapter, in the order of the calls.
      const numbered = squash(`${i + 1}${l === "en" ? "." : ""}${note}`);
      const on = bottoms.flatMap((text, p) => (text.includes(numbered) ? [p + 1] : []));
      expect(on, `footnote ${numbered} should be at the bottom of exactly one page`).toHaveLength(1);
      return on[0]!;
    });
    // Paged.js links each call to its note: a call and its note are on the same page.
    const calls = pdfInternalLinks(doc).filter((link) => link.name.startsWith("note-"));
    expect(new Set(calls.map((c) => c.name)).size).toBe(6);
    expect(calls.filter((c) => c.page !== c.targetPage)).toEqual([]);
    expect(calls.map((c) => c.page).sort((a, b) => a - b)).toEqual([...pagesOfNotes].sort((a, b) => a - b));
  });

  it("numbers pages from the edition's start page, with running heads on every page but the first", () => {
    const { file, pages } = pdf(l);
    const { width } = pdfPageSize(file);
    expect(edition.startPage).toBe(172);
    // The top margin: nothing of the text area reaches into the top 60 pt.
    const strip = (page: number, x = 0, w = width) => pdfText(file, { first: page, last: page, crop: { x, y: 0, width: w, height: 60 } }).trim();
    expect(strip(1), "the opening page has no running head").toBe("");
    expect(squash(pdfText(file, { first: 2, last: 2, crop: { x: 0, y: 0, width, height: 60 } }))).toContain(String(edition.startPage + 1));
    for (let page = 2; page <= pages.length; page++) {
      const folio = String(edition.startPage + page - 1);
      const head = squash(strip(page));
      if (Number(folio) % 2 === 0) {
        expect(head, `verso ${folio}: page number then the book title`).toBe(squash(`${folio}${edition.book[l]}`));
        expect(squash(strip(page, 0, width / 2)).startsWith(folio), `verso ${folio}: number at the left (outer) edge`).toBe(true);
      } else {
        expect(head, `recto ${folio}: chapter title then page number`).toBe(squash(`${chapterHead}${folio}`));
        expect(squash(strip(page, width / 2, width / 2)).endsWith(folio), `recto ${folio}: number at the right (outer) edge`).toBe(true);
      }
    }
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it("embeds every font, none of them Type 3, all from greenbook's own families", () => {
    const fonts = pdfFonts(pdf(l).file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => /Type 3/i.test(f.type))).toEqual([]);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    // A glyph missing from our fonts would come from a system font: never in the book.
    expect(fonts.filter((f) => !/^(NotoSerifHK|NotoSansHK|SourceSerif4|SourceSans3)/.test(f.name)).map((f) => f.name)).toEqual([]);
  });

  it("is tagged, in its language, with an outline and document information", () => {
    const { file, doc } = pdf(l);
    const info = pdfInfo(file);
    expect(info.Tagged).toBe("yes");
    expect(info.Title).toBe(`${title}${colon}${subtitle}`);
    for (const name of authorNames(dataset, l)) expect(info.Author).toContain(name);
    expect(info.Subject).toBe(edition.book[l]);
    for (const keyword of edition.keywords[l]!) expect(info.Keywords).toContain(keyword);
    expect(pdfLanguage(doc)).toBe(l);

    const outline = pdfOutline(doc);
    expect(outline.length).toBeGreaterThan(0);
    expect(squash(outline[0]!.title)).toContain(squash(title));
    expect(squash(outline[0]!.title)).toContain(squash(subtitle));
    const entries = outline.map((e) => squash(e.title));
    expect(sectionHeadings(l).filter((h) => !entries.includes(squash(h)))).toEqual([]);
  });

  it("carries the other language's caption under each exhibit's own", () => {
    const t = lang(other(l));
    const numbered = (word: string, n: number) => (t.lang === "zh-HK" ? `${word}${n}` : `${word} ${n}`);
    const text = squash(pdf(l).pages.join(""));
    for (const n of [1, 3]) expect(text).toContain(squash(`${numbered(t.strings.figure!, n)}${t.exhibits[`fig${n}`]!.caption}`));
    for (const n of [1, 2, 3, 4]) expect(text).toContain(squash(`${numbered(t.strings.table!, n)}${t.exhibits[`table${n}`]!.caption}`));
  });
});

describe("the English chapter PDF", () => {
  it("hyphenates, with the printed hyphen (not a soft hyphen) in the text", () => {
    // A line broken inside a word ends with a hyphen and the next line goes on in lower case.
    const breaks = pdf("en").layout.match(/\p{Ll}-\n\s*\p{Ll}/gu) ?? [];
    expect(breaks.length).toBeGreaterThanOrEqual(10);
    expect(pdf("en").layout).not.toContain("\u00ad");
  });
});
