/**
 * The self-contained HTML embeds fonts cut to what it draws. Each document built is opened in
 * Chromium with the network cut off, and:
 *   - every character it shows (text nodes, chart SVG text, ::before/::after content, list
 *     markers) is in the cmap of an embedded font of its own font stack whose unicode-range has it;
 *   - Chromium itself reports that every text node was drawn with embedded fonts only (no system
 *     fallback: a glyph missing from a subset would be drawn from DejaVu, or as a box);
 *   - the files meet the size targets (issue 16).
 */
import { readFileSync } from "node:fs";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import { woffToSfnt } from "../../src/fonts/woff.ts";
import { sfntCodePoints } from "../../src/fonts/woff2-cmap.ts";
import { buildEdition } from "../../src/pipeline/build-edition.ts";
import { chapter, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { DATA_DIR, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";
import { systemFallbacks } from "../helpers/system-fallbacks.ts";

/** Size targets in bytes (issue 16: zh chapter ≤ 0.8 MB, en chapter ≤ 0.4 MB, each handout ≤ 0.3 MB). */
const TARGETS: Record<string, number> = {
  "zh-HK/chapter.html": 800_000,
  "en/chapter.html": 400_000,
  "zh-HK/handout.html": 300_000,
  "en/handout.html": 300_000,
};

interface EmbeddedFace {
  family: string;
  weight: number;
  style: string;
  cmap: [number, number][];
  range: [number, number][];
}

/** The @font-face rules of a document, with the code points of each embedded font's cmap. */
function embeddedFaces(html: string): EmbeddedFace[] {
  return [...html.matchAll(/@font-face\{([^}]*)\}/g)].map(([, body]) => {
    const data = /url\(data:font\/woff;base64,([^)]+)\)/.exec(body!)?.[1];
    if (!data) throw new Error(`a @font-face rule without an inlined WOFF: ${body!.slice(0, 120)}`);
    return {
      family: /font-family:"([^"]+)"/.exec(body!)![1]!,
      weight: Number(/font-weight:(\d+)/.exec(body!)![1]),
      style: /font-style:(\w+)/.exec(body!)![1]!,
      cmap: sfntCodePoints(woffToSfnt(Buffer.from(data, "base64"))),
      range: /unicode-range:([^;]+)/.exec(body!)![1]!.split(",").map((r) => {
        const [a, b] = r.trim().replace(/^U\+/, "").split("-");
        return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number];
      }),
    };
  });
}

/** Characters the page shows, each with the font stack it is set in: text nodes, SVG text, generated content, list markers. */
const SHOWN = `(() => {
  const out = [];
  const push = (el, pseudo, text) => { const s = getComputedStyle(el, pseudo); const t = s.textTransform === "uppercase" ? text.toUpperCase() : text; for (const c of t) if (!/[\\s\\u00ad]/.test(c)) out.push([c, s.fontFamily]); };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) push(walker.currentNode.parentElement, null, walker.currentNode.data);
  for (const el of document.body.querySelectorAll("*")) {
    for (const pseudo of ["::before", "::after"]) {
      const content = getComputedStyle(el, pseudo).content;
      for (const m of content.match(/"(?:[^"\\\\]|\\\\.)*"/g) || []) push(el, pseudo, JSON.parse(m));
      if (/counter/.test(content)) push(el, pseudo, "0123456789");
    }
    if (getComputedStyle(el).display === "list-item" && getComputedStyle(el).listStyleType === "decimal") push(el, "::marker", "0123456789.");
  }
  return out;
})()`;

let session: BrowserSession | undefined;
const docs = new Map<string, { html: string; bytes: number; shown: [string, string][]; fallbacks: string[] }>();

async function open(page: Page, html: string): Promise<void> {
  await page.setRequestInterception(true);
  page.on("request", (req) => void (req.url().startsWith("data:") || req.url() === "about:blank" ? req.continue() : req.abort("blockedbyclient")));
  await page.setContent(html, { waitUntil: "load", timeout: 120_000 });
  await page.evaluate("document.fonts.ready.then(() => true)");
}


beforeAll(async () => {
  const outDir = makeTempDir("greenbook-subset-");
  const result = await buildEdition({ chapter, dataDir: DATA_DIR, templatesDir: TEMPLATES_DIR, outDir, cacheDir: false });
  session = await launchBrowser();
  for (const f of result.files.filter((x) => x.format === "html")) {
    const rel = `${f.lang}/${f.document}.html`;
    const html = readFileSync(f.path, "utf8");
    const page = await session.browser.newPage();
    try {
      await open(page, html);
      docs.set(rel, { html, bytes: f.bytes, shown: (await page.evaluate(SHOWN)) as [string, string][], fallbacks: await systemFallbacks(page) });
    } finally {
      await page.close();
    }
  }
}, 600_000);

afterAll(async () => {
  await session?.close();
  removeDataCopies();
});

describe.each(Object.keys(TARGETS))("%s", (rel) => {
  const doc = () => {
    const d = docs.get(rel);
    if (!d) throw new Error(`${rel} was not built`);
    return d;
  };

  it("meets its size target", () => {
    expect(doc().bytes).toBeLessThanOrEqual(TARGETS[rel]!);
  });

  it("has a glyph in an embedded font of the right stack for every character it shows", () => {
    const faces = embeddedFaces(doc().html);
    const within = (ranges: [number, number][], cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b);
    const missing = new Set<string>();
    for (const [c, stack] of doc().shown) {
      const families = stack.split(",").map((f) => f.trim().replace(/^"|"$/g, ""));
      const cp = c.codePointAt(0)!;
      if (!faces.some((f) => families.includes(f.family) && within(f.range, cp) && within(f.cmap, cp))) missing.add(`${c} (U+${cp.toString(16).toUpperCase()}) in ${stack}`);
    }
    // The walk found the document's text: hundreds of (character, font stack) pairs in every document.
    expect(doc().shown.length).toBeGreaterThan(500);
    expect([...missing]).toEqual([]);
  });

  it("is drawn with its own fonts only (Chromium reports no system fallback)", () => {
    expect(doc().fallbacks).toEqual([]);
  });

  it("embeds only cut fonts, each far smaller than the file it comes from", () => {
    const faces = embeddedFaces(doc().html);
    expect(faces.length).toBeGreaterThan(3);
    // fontsource's slices hold ~100–400 CJK glyphs or a whole Latin script; a document uses a fraction of each.
    const glyphs = faces.reduce((n, f) => n + f.cmap.reduce((m, [a, b]) => m + b - a + 1, 0), 0);
    const shown = new Set(doc().shown.map(([c]) => c)).size;
    expect(glyphs).toBeLessThan(shown * 6 + faces.length * 40);
  });
});
