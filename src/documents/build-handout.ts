/**
 * Builds one language's press handout in a browser session the caller owns:
 *
 *   1. draw the compact Figure 1 (SVG, and a 2× PNG for social media)
 *   2. render the handout for print and for screen (src/render/render-handout.ts)
 *   3. lay it out in Chromium and measure it: content taller or wider than one A4 page fails
 *      the build, saying by how much, before anything is printed
 *   4. print without pagination, check the PDF has exactly one page, add metadata
 *
 * Returns the files to write; the caller stages them with the rest of the build.
 */
import type { DocumentInput } from "../render/document-input.ts";
import { printFontAssets, printFontUrl } from "../fonts/print-fonts.ts";
import { readFaceStyles } from "../fonts/collect-face-text.ts";
import { embedSubsetFonts } from "../fonts/embed-subset-fonts.ts";
import { PDFDocument } from "pdf-lib";
import type { Page } from "puppeteer-core";
import { renderCharts } from "../charts/render-charts.ts";
import { screenshotCharts } from "../charts/screenshot-charts.ts";
import type { Claims } from "../claims/evaluate-claims.ts";
import { localeOf } from "../locale/locale-of.ts";
import { ChartError, PrintError, TemplateError } from "../errors.ts";
import { editionPdfMetadata } from "./pdf-metadata.ts";
import { finishPdf } from "../print/finish-pdf.ts";
import type { BrowserSession } from "../browser/launch-browser.ts";
import { printPdf, type PrintJob, type PrintResult } from "../print/print-pdf.ts";
import type { StageCache } from "../output/stage-cache.ts";
import type { ParityRecord } from "../render/render-chapter.ts";
import type { MeasureOptions } from "../proof/page-layout.ts";
export { checkHandoutParity } from "./check-parity-handout.ts";
import { HANDOUT_PAGE, renderHandout } from "../documents/render-handout.ts";
import { settleBoth } from "../pipeline/settle-both.ts";

export interface HandoutBuild extends DocumentInput {
  session: BrowserSession;
  /** The build time, for the PDF's dates. */
  date: Date;
  /** Reuses charts drawn from identical specs (the engine's stage cache). */
  cache?: StageCache;
  /** Prints a job, reusing an earlier print of identical HTML (the engine's); default printPdf. */
  print?: (session: BrowserSession, job: PrintJob) => Promise<PrintResult>;
  /** Measure the laid-out sheet for the proofreader (src/proof); default not measured. */
  measure?: MeasureOptions;
}

/** A file of the handout, relative to the output folder. */
export interface HandoutFile {
  rel: string;
  data: Uint8Array;
  format: "pdf" | "html" | "png";
}

export interface BuiltHandout {
  files: HandoutFile[];
  /** Claims used per block, for comparing the languages (checkHandoutParity). */
  parity: ParityRecord;
  /** The print as it came from Chromium (before metadata), and its measured layout when asked for. */
  printed: PrintResult;
}

/** Builds `<lang>/handout.pdf`, `<lang>/handout.html` and `<lang>/handout-chart.png`. */
export async function buildHandout(b: HandoutBuild): Promise<BuiltHandout> {
  const { chapter, dataset, stats, lang } = b;
  const name = `${lang}/handout`;
  const chartId = chapter.handout?.chart ?? "";
  const figure = [...chapter.exhibits, ...(chapter.variants ?? [])].find((e) => e.id === chartId && e.kind === "figure");
  if (!figure || figure.kind !== "figure") throw new ChartError(`${name}: the handout's chart "${chartId}" is not a figure of the chapter`);
  const text = b.templates.languages.get(lang)?.chartText;
  if (!text) throw new ChartError(`${name}: no chart wording loaded for ${lang}`);
  const charts = await screenshotCharts(b.session, await renderCharts({ stats, dataset, lang, text, cache: b.cache }, [figure]), lang, b.cache);
  const chart = charts.get(chartId);
  if (!chart?.png) throw new ChartError(`${name}: the handout's chart ${chartId} was not drawn`);

  const common = { chapter, dataset, stats, claims: b.claims, templates: b.templates, lang, chart };
  const fontUrl = printFontUrl(name);
  const print = renderHandout({ ...common, target: "print", fontSrc: fontUrl });
  const screen = renderHandout({ ...common, target: "screen" });
  // The print first (it waits for a tab behind the chapters'): the screen edition's fonts are cut while it is laid out.
  const assets = await printFontAssets(print.fonts, print.html, fontUrl, b.cache);
  const [printed, screenHtml] = await settleBoth(
    (b.print ?? printPdf)(b.session, { name, html: print.html, assets, paginate: false, inspect: (page) => assertFitsOnePage(page, name), ...(b.measure ? { measure: b.measure } : {}) }),
    embedSubsetFonts(screen.html, { collect: (html) => readFaceStyles(b.session, html, `${name}.html`), cache: b.cache }).then((css) => screen.withFonts.bytes(css)),
  );

  const pages = (await PDFDocument.load(printed.pdf, { updateMetadata: false })).getPageCount();
  if (pages !== 1) throw new PrintError(`${name}: printed ${pages} pages, expected exactly one ${HANDOUT_PAGE.name} page`);

  const edition = dataset.edition;
  const brief = b.templates.languages.get(lang)?.strings.brief ?? "";
  const colon = localeOf(lang).colon;
  const pdf = await finishPdf(printed.pdf, editionPdfMetadata(dataset, lang, b.date, `${brief}${colon}${edition.chapter.title[lang]}`));
  return {
    parity: print.parity,
    printed,
    files: [
      { rel: `${lang}/handout.pdf`, data: pdf, format: "pdf" },
      { rel: `${lang}/handout.html`, data: screenHtml, format: "html" },
      { rel: `${lang}/handout-chart.png`, data: chart.png, format: "png" },
    ],
  };
}

const PX_PER_MM = 96 / 25.4;

/**
 * Measures the laid-out sheet: the bottom of its last block against the bottom of the page's
 * content box, and its scroll width against its width. Content that does not fit is an error
 * that says by how much, so the prose can be cut before anything is printed.
 */
async function assertFitsOnePage(page: Page, name: string): Promise<void> {
  // A string, not a function: tsx would rewrite a function with helpers the page does not have.
  const m = (await page.evaluate(`(() => {
    const sheet = document.querySelector(".sheet");
    if (!sheet) return null;
    const box = sheet.getBoundingClientRect();
    const style = getComputedStyle(sheet);
    const bottom = box.bottom - parseFloat(style.paddingBottom);
    let last = 0;
    for (const child of sheet.children) last = Math.max(last, child.getBoundingClientRect().bottom);
    return { over: last - bottom, wide: sheet.scrollWidth - sheet.clientWidth };
  })()`)) as { over: number; wide: number } | null;
  if (!m) throw new TemplateError(`${name}: templates/layouts/handout.hbs has no element with class "sheet"`);
  const problems: string[] = [];
  if (m.over > 0.5) problems.push(`content is ${Math.ceil(m.over / PX_PER_MM)} mm taller than one ${HANDOUT_PAGE.name} page`);
  if (m.wide > 0.5) problems.push(`content is ${Math.ceil(m.wide / PX_PER_MM)} mm wider than the page`);
  if (problems.length) throw new TemplateError(`${name}: ${problems.join(", and ")}: shorten the text in templates/${name}/ (a handout is one page, never two)`);
}
