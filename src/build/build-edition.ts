/**
 * Builds the edition: every document in every language, PDF and HTML, with one browser.
 *
 *   1. load + validate data/          → Dataset         (src/data)
 *   2. compute statistics and claims  → Stats, Claims   (src/stats, src/claims)
 *   3. draw the figures in Chromium   → SVG per figure  (src/charts)
 *   4. render templates per language  → HTML            (src/render)
 *   5. paginate and print             → PDF             (src/print)
 *   6. stage outputs, rename into place                 (OutputWriter)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadChartText } from "../charts/chart-text.ts";
import { CHAPTER_FIGURES } from "../charts/figures.ts";
import { renderCharts, type RenderedChart } from "../charts/render-charts.ts";
import { assertRequiredClaims, evaluateClaims, type Claims } from "../claims/evaluate-claims.ts";
import { LANGUAGES, type Lang } from "../data/edition.ts";
import { loadDataset, type Dataset } from "../data/load-dataset.ts";
import { TemplateError } from "../errors.ts";
import { FONT_STACKS, type FontFace } from "../fonts/font-faces.ts";
import { ASSET_ORIGIN, type AssetMap } from "../print/asset-server.ts";
import { finishPdf } from "../print/finish-pdf.ts";
import { launchBrowser, type BrowserSession } from "../print/launch-browser.ts";
import { pageCss } from "../print/page-css.ts";
import { pagedScripts, printPdf } from "../print/print-pdf.ts";
import { loadTemplates, type TemplateSet } from "../render/load-templates.ts";
import { renderChapter, type ParityRecord } from "../render/render-chapter.ts";
import { authorNames } from "../render/template-context.ts";
import { computeStats, type Stats } from "../stats/compute-stats.ts";
import { buildTime } from "./build-time.ts";
import { checkParity } from "./check-parity.ts";
import { OutputWriter } from "./output-writer.ts";

export const DOCUMENTS = ["chapter"] as const;
export type DocumentKind = (typeof DOCUMENTS)[number];

export interface BuildOptions {
  dataDir: string;
  templatesDir: string;
  outDir: string;
  /** Languages to build; default the edition's. */
  langs?: readonly Lang[];
  documents?: readonly DocumentKind[];
  /** Print on an already-running browser instead of launching one. */
  browserWSEndpoint?: string;
  /** Progress lines. */
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface BuiltFile {
  path: string;
  lang: Lang;
  document: DocumentKind;
  format: "pdf" | "html";
  bytes: number;
  pages?: number;
}

export interface BuildResult {
  dataset: Dataset;
  stats: Stats;
  claims: Claims;
  files: BuiltFile[];
  parity: Map<Lang, ParityRecord>;
}

/** Loads, validates and computes everything a build needs without touching a browser. */
export function prepareBuild(dataDir: string, templatesDir: string, langs?: readonly Lang[]) {
  const dataset = loadDataset(dataDir);
  const stats = computeStats(dataset);
  const claims = evaluateClaims(stats);
  assertRequiredClaims(claims);
  const languages = langs ?? dataset.edition.languages;
  // Secondary captions and bilingual headers need both languages' templates.
  const templates = loadTemplates(templatesDir, LANGUAGES);
  return { dataset, stats, claims, templates, languages };
}

export async function buildEdition(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => undefined);
  const t0 = performance.now();
  const { dataset, stats, claims, templates, languages } = prepareBuild(options.dataDir, options.templatesDir, options.langs);
  const date = buildTime(dataset.edition, options.env);
  const documents = options.documents ?? DOCUMENTS;
  log(`data ok: ${dataset.files.length} files, snapshot ${dataset.sha256.slice(0, 12)}`);

  const writer = new OutputWriter(options.outDir);
  const files: BuiltFile[] = [];
  const parity = new Map<Lang, ParityRecord>();
  let session: BrowserSession | undefined;
  try {
    session = await launchBrowser({ browserWSEndpoint: options.browserWSEndpoint });
    const s = session;
    await Promise.all(
      languages.map(async (lang) => {
        // In the book the caption above a figure is its title; the chart keeps its source line and any illustrative mark.
        const charts = await renderCharts(s, { stats, dataset, lang, text: loadChartText(templates.dir, lang), titles: false }, CHAPTER_FIGURES);
        log(`${lang}: ${charts.size} charts drawn`);
        if (documents.includes("chapter")) {
          const built = await buildChapter({ session: s, dataset, stats, claims, templates, lang, charts, date });
          parity.set(lang, built.parity);
          for (const f of built.files) {
            writer.write(f.rel, f.data);
            files.push({ path: path.join(options.outDir, f.rel), lang, document: "chapter", format: f.format, bytes: f.data.length, pages: f.pages });
          }
          log(`${lang}: chapter printed, ${built.pages} pages`);
        }
      }),
    );
    if (parity.size > 1) checkParity(parity);
    writer.commit();
  } catch (err) {
    writer.discard();
    throw err;
  } finally {
    await session?.close();
  }
  log(`built ${files.length} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { dataset, stats, claims, files, parity };
}

interface ChapterBuild {
  session: BrowserSession;
  dataset: Dataset;
  stats: Stats;
  claims: Claims;
  templates: TemplateSet;
  lang: Lang;
  charts: Map<string, RenderedChart>;
  date: Date;
}

async function buildChapter(b: ChapterBuild) {
  const { dataset, lang } = b;
  const edition = dataset.edition;
  const illustrationHtml = illustrationMarkup(dataset);
  const heads = {
    book: edition.book[lang],
    chapter: lang === "zh-HK" ? `${edition.chapter.title[lang]}：${edition.chapter.subtitle[lang]}` : edition.chapter.title[lang],
  };
  const common = { dataset, stats: b.stats, claims: b.claims, templates: b.templates, lang, charts: b.charts, illustrationHtml };
  const print = renderChapter({
    ...common,
    target: "print",
    pageCss: pageCss(edition, heads, FONT_STACKS),
    headScripts: pagedScripts(),
    fontSrc: (f) => `${ASSET_ORIGIN}/fonts/${f.name}`,
  });
  const screen = renderChapter({ ...common, target: "screen", fontSrc: inlineFont });
  const assets: AssetMap = new Map(print.fonts.map((f: FontFace) => [`/fonts/${f.name}`, { type: "font/woff2", file: f.file }]));
  const printed = await printPdf(b.session, { name: `${lang}/chapter`, html: print.html, assets, paginate: true });
  const pdf = await finishPdf(printed.pdf, {
    title: `${edition.chapter.title[lang]}${lang === "zh-HK" ? "：" : ": "}${edition.chapter.subtitle[lang]}`,
    authors: authorNames(dataset, lang),
    subject: edition.book[lang],
    keywords: edition.keywords[lang],
    lang,
    version: edition.version,
    dataHash: dataset.sha256,
    generator: edition.version,
    date: b.date,
  });
  return {
    parity: print.parity,
    pages: printed.pages,
    files: [
      { rel: `${lang}/chapter.pdf`, data: pdf, format: "pdf" as const, pages: printed.pages },
      { rel: `${lang}/chapter.html`, data: Buffer.from(screen.html, "utf8"), format: "html" as const, pages: undefined },
    ],
  };
}

const fontCache = new Map<string, string>();
function inlineFont(face: FontFace): string {
  let uri = fontCache.get(face.file);
  if (!uri) {
    uri = `data:font/woff2;base64,${readFileSync(face.file).toString("base64")}`;
    fontCache.set(face.file, uri);
  }
  return uri;
}

const IMAGE_TYPES: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".svg": "image/svg+xml" };

/** The edition's own opening image as an inline <img>, or undefined for greenbook's artwork. */
function illustrationMarkup(dataset: Dataset): string | undefined {
  const rel = dataset.edition.illustration.file;
  if (!rel) return undefined;
  const file = dataset.files.find((f) => f.name === rel);
  const type = IMAGE_TYPES[path.extname(rel).toLowerCase()];
  if (!file || !type) throw new TemplateError(`illustration ${rel}: expected a .png, .jpg, .webp or .svg file in the data folder`);
  return `<img src="data:${type};base64,${readFileSync(file.absPath).toString("base64")}" alt="">`;
}
