/**
 * Printing without waste: Paged.js gets the body inert in a template and the @font-face rules in
 * a style it leaves alone, so each face is declared and fetched once; assets are served over
 * DevTools' Fetch domain, and anything else the page asks for still fails the print.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import { fontStacks } from "../../src/fonts/font-faces.ts";
import { fontAssets, fontAssetUrl } from "../helpers/font-files.ts";
import { localeOf } from "../../src/locale/locale-of.ts";
import { pageCss } from "../../src/print/page-css.ts";
import { preparePagedHtml } from "../../src/print/paged-html.ts";
import { pagedScripts, printPdf } from "../../src/print/print-pdf.ts";
import { loadTemplates } from "../../src/render/load-templates.ts";
import { renderChapter, type ChartForChapter } from "../../src/render/render-chapter.ts";
import { buildFigureSpecs } from "../../src/charts/render-charts.ts";
import { chapterFigures } from "../../src/pipeline/build-edition.ts";
import { chapter, computeStats, evaluateClaims, loadData } from "../helpers/chapter.ts";
import { DATA_DIR, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";
import { pdfFonts, pdfText } from "../helpers/pdf.ts";

describe("preparePagedHtml", () => {
  const html = `<!doctype html><html><head><style>\n@font-face{font-family:"A";src:url(a)}\n@font-face{font-family:"B";src:url(b)}\n:root{--x:1}\nbody{margin:0}\n</style></head>\n<body class="chapter">\n<p>text</p>\n</body></html>`;
  const out = preparePagedHtml(html);

  it("puts the @font-face rules in a style Paged.js ignores, and the rest in a style it processes", () => {
    expect(out).toContain(`<style data-pagedjs-ignore>\n@font-face{font-family:"A";src:url(a)}\n@font-face{font-family:"B";src:url(b)}\n</style>\n<style>\n:root{--x:1}`);
  });

  it("wraps the body's content in Paged.js's content template, keeping the body element", () => {
    expect(out).toContain(`<body class="chapter"><template data-ref="pagedjs-content">\n<p>text</p>\n</template></body>`);
  });
});

describe("a paged print", () => {
  const dataset = loadData(DATA_DIR);
  const stats = computeStats(dataset);
  const templates = loadTemplates(chapter, dataset.edition.languages, chapter.templatesDir);
  const lang = "en";
  const text = templates.languages.get(lang)!.chartText;
  const charts = new Map<string, ChartForChapter>(
    buildFigureSpecs({ stats, dataset, lang, text }, chapterFigures(chapter)).map((f) => [f.id, { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><text x="10" y="50" font-family="Source Sans 3">${f.id}</text></svg>`, description: f.description, illustrative: false, source: "" }]),
  );
  const print = renderChapter({
    chapter,
    dataset,
    stats,
    claims: evaluateClaims(stats),
    templates,
    lang,
    charts,
    target: "print",
    pageCss: pageCss(dataset.edition, { book: "Book", chapter: "Chapter" }, fontStacks(localeOf(lang).fonts)),
    headScripts: pagedScripts(),
    fontSrc: fontAssetUrl,
  });
  const declared = (print.html.match(/@font-face\{/g) ?? []).length;
  let session: BrowserSession | undefined;
  let facts: { fonts: number; fontLoads: string[]; reinserted: boolean } | undefined;
  let pdfFile = "";

  beforeAll(async () => {
    session = await launchBrowser();
    const printed = await printPdf(session, {
      name: "en/chapter",
      html: print.html,
      assets: fontAssets(print.fonts),
      paginate: true,
      inspect: async (page) => {
        facts = (await page.evaluate(`({
          fonts: document.fonts.size,
          fontLoads: performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.includes("/fonts/")),
          reinserted: Array.from(document.querySelectorAll("style:not([data-pagedjs-ignore])")).some((s) => s.textContent.includes("@font-face")),
        })`)) as typeof facts;
      },
    });
    pdfFile = path.join(makeTempDir("greenbook-print-"), "chapter.pdf");
    writeFileSync(pdfFile, printed.pdf);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    removeDataCopies();
  });

  it("declares each face once (Paged.js does not insert the @font-face rules again)", () => {
    expect(declared).toBeGreaterThan(5);
    expect(facts!.fonts).toBe(declared);
    expect(facts!.reinserted).toBe(false);
  });

  it("fetches each font file once", () => {
    const loads = facts!.fontLoads;
    expect(loads.length).toBeGreaterThan(5);
    expect(loads.length).toBe(new Set(loads).size);
  });

  // Were the template not taken as the content, Paged.js would wrap it in one of its own and print nothing.
  it("prints the chapter: its pages, its text, its own fonts only", () => {
    const text = pdfText(pdfFile);
    expect(text.split("\f").length).toBeGreaterThan(6);
    expect(text).toContain(dataset.edition.chapter.title.en!.split(" ")[0]);
    const fonts = pdfFonts(pdfFile);
    expect(fonts.length).toBeGreaterThan(2);
    expect(fonts.filter((f) => !/SourceSerif4|SourceSans3|NotoSerifHK|NotoSansHK/.test(f.name) || !f.embedded)).toEqual([]);
  });

  it("still fails on a request to anywhere else, and on an asset it does not have", async () => {
    const job = (body: string) => ({ name: "x", html: `<!doctype html><html><body>${body}</body></html>`, assets: new Map(), paginate: false });
    await expect(printPdf(session!, job(`<img src="https://example.com/x.png">`))).rejects.toThrow(/blocked request to https:\/\/example\.com\/x\.png/);
    await expect(printPdf(session!, job(`<img src="https://greenbook.invalid/nothing.png">`))).rejects.toThrow(/missing asset \/nothing\.png/);
  });
});
