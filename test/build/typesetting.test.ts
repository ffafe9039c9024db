/**
 * What a typesetter checks on the printed pages (issue 13): the text layer reads and searches as
 * the page does (no soft hyphens or other invisible characters; every word of the body can be
 * found), hyphenation follows a typesetter's rules, and English lines have a book's measure with
 * even word spacing. Everything is measured from the built PDFs (pdftotext), never assumed.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEdition } from "../../src/pipeline/build-edition.ts";
import { chapter, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { DATA_DIR, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";
import { PDFArray, PDFDict, PDFName, PDFNumber } from "pdf-lib";
import { chapterFullTitle } from "../../src/documents/pdf-metadata.ts";
import { loadData } from "../helpers/chapter.ts";
import { loadPdf, pdfFonts, pdfLines, pdfOutline, pdfPageTexts, pdfText, squash, type PdfLine } from "../helpers/pdf.ts";
import { visibleText } from "../helpers/render-text.ts";

const files = new Map<string, string>();
const file = (lang: string, document: string, format: string) => {
  const f = files.get(`${lang}/${document}.${format}`);
  if (!f) throw new Error(`no ${lang}/${document}.${format} was built`);
  return f;
};

beforeAll(async () => {
  const outDir = makeTempDir("greenbook-typesetting-");
  const result = await buildEdition({ chapter, dataDir: DATA_DIR, templatesDir: TEMPLATES_DIR, outDir, documents: ["chapter", "handout"] });
  for (const f of result.files) files.set(`${f.lang}/${f.document}.${f.format}`, f.path);
}, 240_000);

afterAll(removeDataCopies);

/** Soft hyphen, zero-width space/joiners, word joiner, BOM, and the other format characters. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/u;

/** The body prose of a chapter's HTML edition (sections before the exhibits), as visible text. */
function htmlBody(lang: string): string {
  const html = readFileSync(file(lang, "chapter", "html"), "utf8");
  const start = html.indexOf('<div class="body">');
  const end = html.indexOf('<section class="exhibits"');
  if (start < 0 || end < start) throw new Error(`${lang}/chapter.html has no body before its exhibits`);
  return visibleText(html.slice(start, end));
}

/** The lines of body text: those of the commonest height among lines of 40 characters or more. */
function bodyLines(lines: PdfLine[]): PdfLine[] {
  const heights = new Map<string, number>();
  for (const l of lines) if (l.text.length >= 40) heights.set(l.height.toFixed(1), (heights.get(l.height.toFixed(1)) ?? 0) + 1);
  const body = Number([...heights].sort((a, b) => b[1] - a[1])[0]![0]);
  return lines.filter((l) => Math.abs(l.height - body) < 0.3);
}

describe("the text layer", () => {
  it.each(["en/chapter", "zh-HK/chapter", "en/handout", "zh-HK/handout"])("of %s has no soft hyphen or other invisible character", (doc) => {
    const [lang, document] = doc.split("/") as [string, string];
    const text = pdfText(file(lang, document, "pdf"));
    expect(text.length).toBeGreaterThan(1000);
    const hits = [...text.matchAll(new RegExp(INVISIBLE.source, "gu"))].map((m) => JSON.stringify(text.slice(Math.max(0, m.index - 15), m.index + 15)));
    expect(hits).toEqual([]);
  });

  it("of the English chapter holds every word of the HTML edition's body, hyphenated words joined", () => {
    const layout = pdfText(file("en", "chapter", "pdf"), { layout: true });
    const joined = layout.replace(/(\p{L})-\n\s*(\p{Ll})/gu, "$1$2");
    const found = new Set([...`${layout}\n${joined}`.matchAll(/\p{L}+/gu)].map((m) => m[0]));
    const words = [...new Set([...htmlBody("en").matchAll(/\p{L}+/gu)].map((m) => m[0]))];
    expect(words.length).toBeGreaterThan(700);
    expect(words.filter((w) => !found.has(w))).toEqual([]);
  });

  it("of the Chinese chapter holds every Latin word and number of the HTML edition's body", () => {
    const squashed = pdfText(file("zh-HK", "chapter", "pdf")).replace(/\s+/g, "");
    const tokens = [...new Set([...htmlBody("zh-HK").matchAll(/[A-Za-z]{2,}|\d[\d,.]*\d/g)].map((m) => m[0]))];
    expect(tokens.length).toBeGreaterThan(50);
    expect(tokens.filter((t) => !squashed.includes(t))).toEqual([]);
  });
});

describe("English hyphenation", () => {
  const lines = () => bodyLines(pdfLines(file("en", "chapter", "pdf")));
  const hyphenated = (l: PdfLine) => /\p{L}-$/u.test(l.text);

  it("still hyphenates, at a break a typesetter accepts: 6+ letter words, 3+ letters each side, no capitalised word", () => {
    const ls = lines();
    const breaks: string[] = [];
    for (let i = 0; i + 1 < ls.length; i++) {
      const next = ls[i + 1]!;
      if (!hyphenated(ls[i]!) || !/^\p{Ll}/u.test(next.text) || next.page !== ls[i]!.page) continue;
      const before = /(\p{L}+)-$/u.exec(ls[i]!.text)![1]!;
      const after = /^\p{L}+/u.exec(next.text)![0];
      // A hyphen between two words ("high-potential") is a compound, not a break in a word.
      if (ls[i]!.words.at(-1)!.text.slice(0, -1).includes("-")) continue;
      breaks.push(`${before}-${after}`);
    }
    expect(breaks.length).toBeGreaterThanOrEqual(8);
    const bad = breaks.filter((b) => {
      const [before, after] = b.split("-") as [string, string];
      return before.length < 3 || after.length < 3 || before.length + after.length < 6 || /\p{Lu}/u.test(b);
    });
    expect(bad).toEqual([]);
  });

  it("has at most two hyphenated lines in a row and none at the foot of a page", () => {
    const ls = lines();
    let run = 0;
    const runs: string[] = [];
    const pageEnds: string[] = [];
    ls.forEach((l, i) => {
      const next = ls[i + 1];
      run = hyphenated(l) ? run + 1 : 0;
      if (run > 2) runs.push(`p.${l.page}: ${l.text}`);
      if (hyphenated(l) && (!next || next.page !== l.page)) pageEnds.push(`p.${l.page}: ${l.text}`);
    });
    expect(runs).toEqual([]);
    expect(pageEnds).toEqual([]);
  });
});

describe("the English measure", () => {
  it("averages 60–75 characters a line, with even word spacing", () => {
    const ls = bodyLines(pdfLines(file("en", "chapter", "pdf")));
    // Full lines only: a paragraph's short last line is not the measure.
    const widest = Math.max(...ls.map((l) => l.width));
    const full = ls.filter((l) => l.width > 0.75 * widest);
    expect(full.length).toBeGreaterThan(150);
    const mean = full.reduce((n, l) => n + [...l.text].length, 0) / full.length;
    expect(mean).toBeGreaterThanOrEqual(60);
    expect(mean).toBeLessThanOrEqual(75);
    // Every word space on a line within a third of the median space: no loose lines.
    const gaps = full.flatMap((l) => l.words.slice(1).map((w, i) => w.x - (l.words[i]!.x + l.words[i]!.width))).sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)]!;
    const wide = gaps.filter((g) => g > 1.35 * median);
    expect(wide.length / gaps.length).toBeLessThan(0.01);
  });
});

describe("the chapter PDF in a viewer", () => {
  const dataset = loadData(DATA_DIR);
  it.each(["en", "zh-HK"])("(%s) labels its pages with the book's folios and heads its outline with the full title", async (lang) => {
    const path = file(lang, "chapter", "pdf");
    const doc = await loadPdf(path);
    const nums = doc.catalog.lookup(PDFName.of("PageLabels"), PDFDict).lookup(PDFName.of("Nums"), PDFArray);
    expect(nums.size()).toBe(2);
    expect((nums.get(0) as PDFNumber).asNumber()).toBe(0);
    const style = nums.lookup(1, PDFDict);
    expect(style.get(PDFName.of("S"))).toBe(PDFName.of("D"));
    const start = (style.get(PDFName.of("St")) as PDFNumber).asNumber();
    expect(start).toBe(dataset.edition.startPage);
    // The label agrees with the folio printed in the running head of the second page.
    expect(pdfPageTexts(path)[1]).toContain(String(start + 1));
    const title = chapterFullTitle(dataset, lang);
    expect(title).toMatch(/[:：]/);
    expect(pdfOutline(doc)[0]).toEqual({ title, depth: 0 });
  });
});

/** The text area of a chapter page, in points from the top (edition.yaml page margins). */
function textArea(): { top: number; bottom: number } {
  const mm = (v: string) => (Number.parseFloat(v) / 25.4) * 72;
  const m = loadData(DATA_DIR).edition.page.margin;
  return { top: mm(m.top), bottom: 841.92 - mm(m.bottom) };
}

describe.each(["en", "zh-HK"])("page make-up (%s)", (lang) => {
  const pdf = () => file(lang, "chapter", "pdf");

  it("keeps every policy recommendation whole on one page", () => {
    const html = readFileSync(file(lang, "chapter", "html"), "utf8");
    const section = /<section class="section section-08-recommendations"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    const items = [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => squash(visibleText(m[1]!)).replace(/\d+$/, ""));
    expect(items.length).toBeGreaterThanOrEqual(2);
    const pages = pdfPageTexts(pdf(), { layout: true }).map((p) => squash(p.replace(/(\p{L})-\n\s*(\p{Ll})/gu, "$1$2")));
    for (const item of items) {
      const head = item.slice(0, 24);
      const tail = item.slice(-24);
      const page = pages.findIndex((p) => p.includes(head));
      expect(page, `recommendation "${head}…" is printed`).toBeGreaterThanOrEqual(0);
      expect(pages[page], `recommendation "${head}…" ends on its first page`).toContain(tail);
    }
  });

  it("fills every page but the last of the text and of the exhibits to 80%, unless the next exhibit could not fit", () => {
    const EXHIBIT_MARGIN_PT = (7 / 25.4) * 72;
    const lines = pdfLines(pdf());
    const { top, bottom } = textArea();
    const pages = Math.max(...lines.map((l) => l.page));
    const onPage = (p: number) => lines.filter((l) => l.page === p && l.y > top - 2);
    const appendixHeading = /<section class="appendix"[^>]*>\s*<h2[^>]*>([\s\S]*?)<\/h2>/.exec(readFileSync(file(lang, "chapter", "html"), "utf8"))?.[1];
    expect(appendixHeading).toBeDefined();
    const appendixPage = lines.find((l) => squash(l.text).startsWith(squash(visibleText(appendixHeading!)).slice(0, 8)))?.page ?? pages;
    const thin: string[] = [];
    for (let p = 1; p < pages; p++) {
      if (p === appendixPage - 1) continue; // the appendix starts a page by design
      const low = Math.max(...onPage(p).map((l) => l.y + l.height));
      const fill = (low - top) / (bottom - top);
      if (fill >= 0.8) continue;
      // The next page's first exhibit, down to its last line (its source line, or the illustrative-data
      // note under it), needed more room than was left.
      const next = onPage(p + 1);
      const sourceAt = next.findIndex((l) => /^(Source|資料來源)/.test(l.text));
      const captions = next.map((l, i) => ({ l, i })).filter(({ l }) => /^(Figure|Table|圖|表)\s?\d/.test(l.text));
      const nextCaption = captions.find(({ i }) => i > sourceAt)?.i ?? next.length;
      const last = sourceAt < 0 ? undefined : next.slice(sourceAt, nextCaption).reduce((a, l) => (l.y + l.height > a.y + a.height ? l : a));
      // Plus the space an exhibit keeps below it (print.css: .exhibit { margin-bottom: 7mm }), which the layout counts.
      const needed = last ? last.y + last.height - Math.min(...next.map((l) => l.y)) + EXHIBIT_MARGIN_PT : Infinity;
      if (needed <= bottom - low) thin.push(`p.${p}: ${Math.round(fill * 100)}% full, next exhibit ${Math.round(needed)} pt, room ${Math.round(bottom - low)} pt`);
    }
    expect(thin).toEqual([]);
  });

  it("never ends a page with a heading", () => {
    const html = readFileSync(file(lang, "chapter", "html"), "utf8");
    const body = html.slice(html.indexOf('<div class="body">'), html.indexOf('<section class="exhibits"'));
    const headings = [...body.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => squash(visibleText(m[1]!)));
    expect(headings.length).toBeGreaterThan(4);
    const lines = pdfLines(pdf());
    const ended: string[] = [];
    for (const h of headings) {
      const at = lines.findIndex((l) => squash(l.text) === h);
      expect(at, `heading "${h}" is printed on a line of its own`).toBeGreaterThanOrEqual(0);
      const next = lines[at + 1];
      // The next line on the page is text, not a footnote ("1 …") and not on the next page.
      if (!next || next.page !== lines[at]!.page || /^\d+\.?\s/.test(next.text)) ended.push(h);
    }
    expect(ended).toEqual([]);
  });
});

describe("Chinese typesetting", () => {
  it("spaces Han and Latin letters or digits by one rule: nearly every adjacency is spaced", () => {
    const text = pdfText(file("zh-HK", "chapter", "pdf"));
    const spaced = text.match(/\p{sc=Han} [A-Za-z0-9]|[A-Za-z0-9] \p{sc=Han}/gu)?.length ?? 0;
    const tight = text.match(/\p{sc=Han}[A-Za-z0-9]|[A-Za-z0-9]\p{sc=Han}/gu)?.length ?? 0;
    expect(spaced + tight).toBeGreaterThan(200);
    expect(spaced / (spaced + tight)).toBeGreaterThan(0.85);
  });

  it("sets every closing bracket before punctuation half-width (of two closing brackets, the last), in both Chinese documents", () => {
    for (const document of ["chapter", "handout"]) {
      const html = readFileSync(file("zh-HK", document, "html"), "utf8").replace(/<(style|script|svg)\b[\s\S]*?<\/\1>/g, "");
      // A halved bracket stands in as "·", so the bracket before it is not taken for one before punctuation.
      const text = html.replace(/<span class="cjk-half">[）」』》〉】〕]<\/span>/g, "·").replace(/<[^>]+>/g, "");
      expect(text.match(/[）」』》〉】〕](?=[，。、；：！？])/gu) ?? [], document).toEqual([]);
      // The first of two closing brackets keeps its width: halved, the second was set over it.
      expect(html.match(/<span class="cjk-half">[）」』》〉】〕]<\/span>(?:<[^>]+>)*[）」』》〉】〕]/gu) ?? [], document).toEqual([]);
      expect(html).toContain('<span class="cjk-half">');
    }
  });
});

describe("tables", () => {
  it("set Table 2's bracketed counts in columns of their own: main figures and brackets each align", () => {
    for (const lang of ["en", "zh-HK"]) {
      const words = pdfLines(file(lang, "chapter", "pdf")).flatMap((l) => l.words.map((w) => ({ ...w, y: l.y, page: l.page })));
      const isSub = (t: string) => /^\([−\d,]+\)$/.test(t);
      const counts = new Map<number, number>();
      for (const w of words) if (isSub(w.text)) counts.set(w.page, (counts.get(w.page) ?? 0) + 1);
      const page = [...counts].find(([, n]) => n >= 40)?.[0];
      expect(page, lang).toBeDefined();
      const rights = { main: [] as number[], sub: [] as number[] };
      for (const sub of words.filter((w) => w.page === page && isSub(w.text))) {
        rights.sub.push(sub.x + sub.width);
        // Its main figure: the nearest number to its left on the same line.
        const main = words
          .filter((w) => w.page === page && Math.abs(w.y - sub.y) < 2 && /^[−\d,]+$/.test(w.text) && w.x + w.width <= sub.x)
          .sort((a, b) => b.x - a.x)[0];
        if (main) rights.main.push(main.x + main.width);
      }
      // Right edges fall into one tight cluster per column (4 columns × 10 regions).
      const clusters = (xs: number[]) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const out: number[][] = [];
        for (const x of sorted) if (out.length && x - out.at(-1)!.at(-1)! < 1) out.at(-1)!.push(x); else out.push([x]);
        return out.map((c) => c.length);
      };
      expect(clusters(rights.sub), `${lang} brackets`).toEqual([10, 10, 10, 10]);
      expect(clusters(rights.main), `${lang} main figures`).toEqual([10, 10, 10, 10]);
    }
  });

  it("print whole numbers whole (200 connections, not 200.00) and the t of t statistics in italics", () => {
    for (const lang of ["en", "zh-HK"]) {
      const text = pdfText(file(lang, "chapter", "pdf"));
      expect(text, lang).not.toContain("200.00");
      expect(pdfFonts(file(lang, "chapter", "pdf")).some((f) => /SourceSans3.*Italic/i.test(f.name)), lang).toBe(true);
    }
  });
});
