/**
 * The self-contained HTML on a phone (390 px) and on a desktop (1280 px), both documents in both
 * languages, opened in headless Chromium with the network cut off: the page never scrolls
 * sideways, chart text reads at 11 px or more on the phone, tables scroll in their own box with
 * the first column fixed and a cue that more is hidden, Chinese headings break only between
 * words, nothing is clipped on the desktop, and axe-core finds nothing serious or critical.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import { buildEdition } from "../../src/pipeline/build-edition.ts";
import { chapter, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { DATA_DIR, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PHONE = 390;
const DESKTOP = 1280;
const DOCUMENTS = ["chapter", "handout"] as const;
const LANGS = ["en", "zh-HK"] as const;

interface TableFacts {
  id: string;
  overflowX: string;
  scrollWidth: number;
  clientWidth: number;
  /** Row headers and the first column header not positioned sticky. */
  notSticky: number;
  /** After scrolling the box to its end: how far the first column moved from the box's left edge, px. */
  firstColumnShift: number;
  /** After scrolling to its end: whether the last column is inside the box. */
  lastColumnShown: boolean;
  background: string;
}

interface PageFacts {
  viewport: number;
  scrollWidth: number;
  /** Visible chart text: its rendered size in CSS px (font size × the drawing's scale). */
  chartText: { text: string; px: number }[];
  tables: TableFacts[];
  /** Chart drawings shown: the book's and the phone's (.chart-narrow). */
  drawings: { book: number; narrow: number };
  /** Where a heading's line ends between two letters of one word (no <wbr> there). */
  badBreaks: string[];
  /** Elements that hide overflowing content (overflow hidden or clip, wider content). */
  clipped: string[];
  axe: { id: string; impact: string | null; help: string; targets: string[] }[];
  blocked: string[];
}

/** Runs in the page: everything measured, as plain data. Kept as a string (tsx rewrites functions with helpers the page lacks). */
const MEASURE = `(() => {
  const visible = (el) => el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "");

  const chartText = [];
  for (const t of document.querySelectorAll(".chart svg text")) {
    if (!visible(t) || !t.textContent.trim()) continue;
    const m = t.getScreenCTM();
    const size = parseFloat(getComputedStyle(t).fontSize);
    chartText.push({ text: t.textContent.trim().slice(0, 40), px: Math.round(size * Math.hypot(m.a, m.b) * 100) / 100 });
  }

  const tables = [];
  for (const wrap of document.querySelectorAll(".table-wrap")) {
    const table = wrap.querySelector("table");
    const firstCells = [...table.querySelectorAll('th[scope="row"]'), table.querySelector("thead th:first-child")].filter(Boolean);
    const notSticky = firstCells.filter((c) => getComputedStyle(c).position !== "sticky").length;
    const before = wrap.scrollLeft;
    wrap.scrollLeft = wrap.scrollWidth;
    const box = wrap.getBoundingClientRect();
    const first = table.querySelector('tbody th[scope="row"]').getBoundingClientRect();
    const lastCells = table.querySelectorAll("thead th:last-child");
    const last = lastCells[lastCells.length - 1].getBoundingClientRect();
    const facts = {
      id: table.id,
      overflowX: getComputedStyle(wrap).overflowX,
      scrollWidth: wrap.scrollWidth,
      clientWidth: wrap.clientWidth,
      notSticky,
      firstColumnShift: Math.round(first.left - box.left),
      lastColumnShown: last.right <= box.right + 1 && last.left >= box.left,
      background: getComputedStyle(wrap).backgroundImage + " | " + getComputedStyle(wrap).backgroundAttachment,
    };
    wrap.scrollLeft = before;
    tables.push(facts);
  }

  // Line ends inside headings: a line ends between two characters when the second starts lower.
  const badBreaks = [];
  const LETTER = /[\\p{L}\\p{N}]/u;
  for (const h of document.querySelectorAll("h1, h2, h3, figcaption, .mast-title")) {
    if (!visible(h)) continue;
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    let prev = null; // { ch, top, wbrAfter }
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 1) {
        if (n.tagName === "WBR" && prev) prev.wbrAfter = true;
        // A block (a subtitle under its title) starts a line by design.
        if (!getComputedStyle(n).display.startsWith("inline")) prev = null;
        continue;
      }
      const text = n.data;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (/\\s|\\u00ad/.test(ch)) { prev = null; continue; }
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const rect = r.getClientRects()[0];
        if (!rect) continue;
        if (prev && rect.top > prev.top + rect.height / 2 && LETTER.test(prev.ch) && LETTER.test(ch) && !prev.wbrAfter) {
          badBreaks.push(describe(h) + ": …" + prev.ch + "|" + ch + "… in " + JSON.stringify(h.textContent.trim().slice(0, 60)));
        }
        prev = { ch, top: rect.top, wbrAfter: false };
      }
    }
  }

  // Content hidden by an element that clips (visually hidden text, 1 px on purpose, aside).
  const clipped = [];
  for (const el of document.querySelectorAll("body *")) {
    const s = getComputedStyle(el);
    if (!/hidden|clip/.test(s.overflowX + s.overflowY) || !visible(el)) continue;
    if (el.clientWidth <= 1 || s.clip === "rect(0px, 0px, 0px, 0px)") continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) clipped.push(describe(el) + " " + el.scrollWidth + "×" + el.scrollHeight + " in " + el.clientWidth + "×" + el.clientHeight);
  }

  const drawings = { book: [...document.querySelectorAll(".chart-drawing:not(.chart-narrow)")].filter(visible).length, narrow: [...document.querySelectorAll(".chart-narrow")].filter(visible).length };
  return { viewport: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth, chartText, tables, drawings, badBreaks, clipped };
})()`;

let session: BrowserSession | undefined;
const facts = new Map<string, PageFacts>();
const key = (lang: string, doc: string, width: number) => `${lang}/${doc}@${width}`;

beforeAll(async () => {
  const outDir = makeTempDir("greenbook-phone-html-");
  const result = await buildEdition({ chapter, dataDir: DATA_DIR, templatesDir: TEMPLATES_DIR, outDir, documents: [...DOCUMENTS] });
  session = await launchBrowser();
  for (const f of result.files.filter((x) => x.format === "html")) {
    const html = readFileSync(f.path, "utf8");
    for (const width of [PHONE, DESKTOP]) facts.set(key(f.lang, f.document, width), await inspect(session, html, width));
  }
}, 600_000);

afterAll(async () => {
  await session?.close();
  removeDataCopies();
});

async function inspect(s: BrowserSession, html: string, width: number): Promise<PageFacts> {
  const page: Page = await s.browser.newPage();
  try {
    const blocked: string[] = [];
    await page.setRequestInterception(true);
    page.on("request", (req) => {
      const url = req.url();
      if (url.startsWith("data:") || url === "about:blank") void req.continue();
      else {
        blocked.push(url);
        void req.abort("blockedbyclient");
      }
    });
    await page.setViewport({ width, height: 800 });
    await page.setContent(html, { waitUntil: "load", timeout: 60_000 });
    await page.evaluate("document.fonts.ready.then(() => true)");
    const measured = (await page.evaluate(MEASURE)) as Omit<PageFacts, "axe" | "blocked">;
    await page.addScriptTag({ content: AXE_SOURCE });
    const axe = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => String(n.target)) })))`)) as PageFacts["axe"];
    return { ...measured, axe, blocked };
  } finally {
    await page.close();
  }
}

function factsOf(lang: string, doc: string, width: number): PageFacts {
  const f = facts.get(key(lang, doc, width));
  if (!f) throw new Error(`no ${lang}/${doc}.html was built`);
  return f;
}

describe.each(LANGS.flatMap((lang) => DOCUMENTS.map((doc) => [lang, doc] as const)))("%s/%s.html", (lang, doc) => {
  it.each([PHONE, DESKTOP])("does not scroll sideways at %i px", (width) => {
    const f = factsOf(lang, doc, width);
    expect(f.viewport).toBe(width);
    expect(f.scrollWidth).toBeLessThanOrEqual(f.viewport);
  });

  it("sets chart text at 11 px or more on a 390 px phone", () => {
    const { chartText } = factsOf(lang, doc, PHONE);
    // The chapter's four figures, or the handout's one, each with dozens of labels.
    expect(chartText.length).toBeGreaterThan(doc === "chapter" ? 80 : 20);
    expect(chartText.filter((t) => t.px < 11)).toEqual([]);
  });

  if (doc === "chapter") {
    it("shows each figure's phone drawing at 390 px and the book's at 1280 px", () => {
      expect(factsOf(lang, doc, PHONE).drawings).toEqual({ book: 0, narrow: 4 });
      expect(factsOf(lang, doc, DESKTOP).drawings).toEqual({ book: 4, narrow: 0 });
    });
  }

  it("breaks Chinese headings only between words", () => {
    for (const width of [PHONE, DESKTOP]) expect(factsOf(lang, doc, width).badBreaks, `${width} px`).toEqual([]);
  });

  it("clips nothing at 1280 px", () => {
    const f = factsOf(lang, doc, DESKTOP);
    expect(f.clipped).toEqual([]);
    // Tables fit the desktop column whole: nothing to scroll to.
    for (const t of f.tables) expect(t.scrollWidth, t.id).toBeLessThanOrEqual(t.clientWidth);
  });

  it.each([PHONE, DESKTOP])("has no serious or critical axe-core violation at %i px", (width) => {
    const f = factsOf(lang, doc, width);
    expect(f.blocked).toEqual([]);
    const bad = f.axe.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad, bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join("\n    ")}`).join("\n")).toEqual([]);
  });
});

describe.each(LANGS)("%s/chapter.html tables on a 390 px phone", (lang) => {
  it("scroll inside their own box, the first column fixed, with a shadow cue at the hidden side", () => {
    const { tables } = factsOf(lang, "chapter", PHONE);
    expect(tables.map((t) => t.id)).toEqual(["table1-table", "table2-table", "table3-table", "table4-table"]);
    // Table 4 (nine columns) cannot fit a phone: it must scroll, in its box.
    const wide = tables.filter((t) => t.scrollWidth > t.clientWidth);
    expect(wide.map((t) => t.id)).toContain("table4-table");
    for (const t of tables) {
      expect(t.notSticky, `${t.id}: first-column cells not sticky`).toBe(0);
      expect(["auto", "scroll"], t.id).toContain(t.overflowX);
    }
    for (const t of wide) {
      // Scrolled to its end, the first column is still at the box's left edge and the last column is in view.
      expect(Math.abs(t.firstColumnShift), t.id).toBeLessThanOrEqual(1);
      expect(t.lastColumnShown, t.id).toBe(true);
      // The cue: a shadow fixed at the box's right edge, and a white cover that travels with the content.
      expect(t.background, t.id).toMatch(/linear-gradient.*radial-gradient.*\| local, scroll/);
    }
  });
});
