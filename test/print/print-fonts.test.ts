/**
 * Print's fonts are cut to the document (src/fonts/print-fonts.ts). Each of the edition's four
 * documents is printed, and in the laid-out pages (Paged.js's page boxes, running heads and page
 * numbers included) every character shown has a glyph in a served subset of its own font stack,
 * and Chromium reports no text drawn from a system font.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import { renderCharts } from "../../src/charts/render-charts.ts";
import { renderChapterDocument } from "../../src/documents/build-chapter.ts";
import { buildHandout } from "../../src/documents/build-handout.ts";
import { printCharacters, printFontAssets, printFontUrl } from "../../src/fonts/print-fonts.ts";
import { loadFontFaces } from "../../src/fonts/font-faces.ts";
import { woffToSfnt } from "../../src/fonts/woff.ts";
import { subsetFontFile } from "../../src/fonts/subset-font-file.ts";
import { sfntCodePoints } from "../../src/fonts/woff2-cmap.ts";
import { chapterFigures } from "../../src/pipeline/build-edition.ts";
import { buildTime } from "../../src/pipeline/build-time.ts";
import { printPdf, type PrintJob } from "../../src/print/print-pdf.ts";
import { loadTemplates } from "../../src/render/load-templates.ts";
import { chapter, computeStats, evaluateClaims, loadData } from "../helpers/chapter.ts";
import { DATA_DIR } from "../helpers/data-copy.ts";
import { systemFallbacks } from "../helpers/system-fallbacks.ts";

describe("printCharacters", () => {
  const chars = (html: string) => new Set([...printCharacters(html)].map((p) => String.fromCodePoint(p)));

  it("reads the HTML's entities, named and numeric, as the characters they stand for", () => {
    const c = chars("<p>caf&eacute; &#x4E00;&#20108; &hellip;</p>");
    for (const ch of ["é", "一", "二", "…"]) expect(c.has(ch), ch).toBe(true);
  });

  it("adds both cases of every letter (text-transform), and what CSS and pagination generate", () => {
    const c = chars("<p>éclair straße</p>");
    for (const ch of ["É", "S", "\u2010", "\u00a0", "•", "〇", "萬", "…", "“", "」", "~", "0", "9"]) expect(c.has(ch), ch).toBe(true);
    expect(c.has("中")).toBe(false);
  });

  it("cuts each face to the document's characters in its range, served as WOFF in the document's own folder", async () => {
    const face = loadFontFaces().find((f) => f.family === "Source Serif 4" && f.weight === 400 && f.style === "normal" && f.ranges.some(([lo]) => lo === 0))!;
    const url = printFontUrl("en/test");
    const assets = await printFontAssets([face], "<p>Hong Kong</p>", url);
    const [path, asset] = [...assets][0]!;
    expect(path).toBe(`/fonts/en/test/${face.name.replace(/\.woff2$/, "")}.woff`);
    expect(asset!.type).toBe("font/woff");
    const cmap = sfntCodePoints(woffToSfnt(Buffer.from(asset!.body as Uint8Array)));
    const has = (ch: string) => cmap.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b);
    expect(has("H") && has("g") && has("~")).toBe(true);
    expect(has("é")).toBe(false);
  });

  it("stores the print subsets' tables undeflated, the same sfnt as the deflated WOFF holds", async () => {
    const face = loadFontFaces().find((f) => f.family === "Noto Serif HK" && f.weight === 400 && f.ranges.some(([lo]) => lo >= 0x4e00))!;
    const woff = Buffer.from(await subsetFontFile(face, new Set(face.ranges.slice(0, 20).map(([lo]) => lo)), undefined, { compress: false }));
    const deflated = Buffer.from(await subsetFontFile(face, new Set(face.ranges.slice(0, 20).map(([lo]) => lo))));
    const tables = woff.readUInt16BE(12);
    for (let i = 0; i < tables; i++) expect(woff.readUInt32BE(44 + i * 20 + 8), `table ${i}: stored length = original length`).toBe(woff.readUInt32BE(44 + i * 20 + 12));
    expect(woff.length).toBeGreaterThan(deflated.length);
    expect(woffToSfnt(woff).equals(woffToSfnt(deflated))).toBe(true);
  });
});

/** Characters shown in the laid-out pages, each with its font stack (text nodes, ::before/::after content, counters). */
const SHOWN = `(() => {
  const out = [];
  const push = (el, pseudo, text) => { const s = getComputedStyle(el, pseudo); const t = s.textTransform === "uppercase" ? text.toUpperCase() : text; for (const c of t) if (!/[\\s\\u00ad]/.test(c)) out.push([c, s.fontFamily]); };
  const root = document.querySelector(".pagedjs_pages") || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) { const el = walker.currentNode.parentElement; if (!el.closest("style, script, template")) push(el, null, walker.currentNode.data); }
  for (const el of root.querySelectorAll("*")) {
    for (const pseudo of ["::before", "::after"]) {
      const content = getComputedStyle(el, pseudo).content;
      for (const m of content.match(/"(?:[^"\\\\]|\\\\.)*"/g) || []) push(el, pseudo, JSON.parse(m));
      if (/counter/.test(content)) push(el, pseudo, "0123456789");
    }
  }
  return out;
})()`;


interface Served {
  family: string;
  cmap: [number, number][];
}

/** The faces a print job serves: family (from its @font-face rule) and the cmap of its subset. */
function servedFaces(job: PrintJob): Served[] {
  return [...job.html.matchAll(/@font-face\{([^}]*)\}/g)].map(([, body]) => {
    const url = /url\(([^)]+)\)/.exec(body!)![1]!;
    const asset = job.assets.get(decodeURIComponent(new URL(url).pathname));
    if (!asset?.body) throw new Error(`no subset served for ${url}`);
    return { family: /font-family:"([^"]+)"/.exec(body!)![1]!, cmap: sfntCodePoints(woffToSfnt(Buffer.from(asset.body as Uint8Array))) };
  });
}

const printed = new Map<string, { shown: [string, string][]; fallbacks: string[]; faces: Served[] }>();
let session: BrowserSession | undefined;

beforeAll(async () => {
  const dataset = loadData(DATA_DIR);
  const stats = computeStats(dataset);
  const claims = evaluateClaims(stats);
  const templates = loadTemplates(chapter, dataset.edition.languages, chapter.templatesDir);
  const date = buildTime(dataset.edition);
  session = await launchBrowser();
  const s = session;
  // Prints `job` and reads its laid-out pages before the PDF is made.
  const readPrint = async (name: string, job: PrintJob) => {
    const seen: { shown: [string, string][]; fallbacks: string[] } = { shown: [], fallbacks: [] };
    const result = await printPdf(s, {
      ...job,
      inspect: async (page) => {
        await job.inspect?.(page);
        seen.shown = (await page.evaluate(SHOWN)) as [string, string][];
        seen.fallbacks = await systemFallbacks(page);
      },
    });
    printed.set(name, { ...seen, faces: servedFaces(job) });
    return result;
  };
  for (const lang of dataset.edition.languages) {
    const text = templates.languages.get(lang)!.chartText;
    const input = { stats, dataset, lang, text, titles: false };
    const figures = chapterFigures(chapter);
    const charts = await renderCharts(input, figures);
    const doc = await renderChapterDocument({ chapter, dataset, stats, claims, templates, lang, charts, date, embedFonts: async () => "" });
    await readPrint(`${lang}/chapter`, await doc.print);
    await buildHandout({ session: s, chapter, dataset, stats, claims, templates, lang, date, print: (_s, job) => readPrint(`${lang}/handout`, job) });
  }
}, 600_000);

afterAll(async () => {
  await session?.close();
});

describe.each(["zh-HK/chapter", "en/chapter", "zh-HK/handout", "en/handout"])("the print of %s", (name) => {
  const doc = () => {
    const d = printed.get(name);
    if (!d) throw new Error(`${name} was not printed`);
    return d;
  };

  it("has a glyph in a served subset of the right stack for every character on its pages", () => {
    const within = (ranges: [number, number][], cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b);
    const missing = new Set<string>();
    for (const [c, stack] of doc().shown) {
      const families = stack.split(",").map((f) => f.trim().replace(/^"|"$/g, ""));
      const cp = c.codePointAt(0)!;
      if (!doc().faces.some((f) => families.includes(f.family) && within(f.cmap, cp))) missing.add(`${c} (U+${cp.toString(16).toUpperCase()}) in ${stack}`);
    }
    expect(doc().shown.length).toBeGreaterThan(300);
    expect([...missing]).toEqual([]);
  });

  it("is drawn with its own fonts only (Chromium reports no system fallback)", () => {
    expect(doc().fallbacks).toEqual([]);
  });
});
