/**
 * One language's chapter: rendered to HTML for print (Paged.js) and for screen (self-contained),
 * then printed. Split in two so a watcher can write the HTML before the slower print finishes.
 */
import type { DocumentInput } from "../render/document-input.ts";
import path from "node:path";
import type { RenderedChart } from "../charts/render-charts.ts";
import { ILLUSTRATION_TYPES } from "../data/edition.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { TemplateError } from "../errors.ts";
import { fontStacks } from "../fonts/font-faces.ts";
import { printFontAssets, printFontUrl } from "../fonts/print-fonts.ts";
import type { StageCache } from "../output/stage-cache.ts";
import { localeOf } from "../locale/locale-of.ts";
import { chapterFullTitle, editionPdfMetadata } from "./pdf-metadata.ts";
import { finishPdf, type Attachment } from "../print/finish-pdf.ts";
import { pageCss } from "../print/page-css.ts";
import { pagedScripts, type PrintJob, type PrintResult } from "../print/print-pdf.ts";
import { renderChapter, type ChartForChapter, type ParityRecord } from "../render/render-chapter.ts";

/** A file of a document, relative to the output folder. */
export interface DocumentFile {
  rel: string;
  data: Uint8Array;
  format: "pdf" | "html" | "png";
  pages?: number;
}

export interface ChapterBuild extends DocumentInput {
  charts: Map<string, RenderedChart>;
  /** Figures drawn for a phone's column (renderNarrowCharts), for the screen edition; default none. */
  narrowCharts?: ReadonlyMap<string, RenderedChart>;
  date: Date;
  /** The @font-face rules, fonts inlined, for the screen HTML rendered without any (embedSubsetFonts). */
  embedFonts: (html: string) => Promise<string>;
  /** The engine's stage cache, for print's font subsets; default none (cut again for each document). */
  cache?: StageCache;
}

export interface RenderedChapterDocument {
  parity: ParityRecord;
  /**
   * The self-contained screen edition, ready to write (its fonts cut on first use: a build that
   * nobody is watching cuts them while the print is laid out).
   */
  readonly html: Promise<DocumentFile>;
  /** What to print, its fonts cut to it (made on first use, so the screen HTML can be written before it). */
  readonly print: Promise<PrintJob>;
  /** How to turn the printed PDF into the final file. */
  finish(printed: PrintResult): Promise<DocumentFile>;
}

export async function renderChapterDocument(b: ChapterBuild): Promise<RenderedChapterDocument> {
  const { dataset, lang } = b;
  const edition = dataset.edition;
  const illustrationHtml = illustrationMarkup(dataset);
  const heads = {
    book: edition.book[lang] ?? "",
    // The recto head: the full title in Chinese, as the book prints it; the title alone in English, where the full one is too long.
    chapter: localeOf(lang).script === "han" ? chapterFullTitle(dataset, lang) : (edition.chapter.title[lang] ?? ""),
  };
  const common = { chapter: b.chapter, dataset, stats: b.stats, claims: b.claims, templates: b.templates, lang, charts: b.charts, illustrationHtml };
  const screen = renderChapter({ ...common, charts: withNarrowDrawings(b.charts, b.narrowCharts), target: "screen" });
  let html: Promise<DocumentFile> | undefined;
  const screenHtml = async (): Promise<DocumentFile> => ({ rel: `${lang}/chapter.html`, data: screen.withFonts.bytes(await b.embedFonts(screen.html)), format: "html" });
  let job: Promise<PrintJob> | undefined;
  const printJob = async (): Promise<PrintJob> => {
    const fontUrl = printFontUrl(`${lang}/chapter`);
    const print = renderChapter({
      ...common,
      target: "print",
      pageCss: pageCss(edition, heads, fontStacks(localeOf(lang).fonts)),
      headScripts: pagedScripts({ minLinesAfterHeading: edition.proof.rules["heading-keep"].minLinesAfter }),
      fontSrc: fontUrl,
    });
    // The exhibits' make-up aims at the proofreader's page-fill threshold.
    return { name: `${lang}/chapter`, html: print.html, assets: await printFontAssets(print.fonts, print.html, fontUrl, b.cache), paginate: true, placeExhibits: { minFill: edition.proof.rules["page-fill"].minFill } };
  };
  return {
    parity: screen.parity,
    get html() {
      return (html ??= screenHtml());
    },
    get print() {
      return (job ??= printJob());
    },
    finish: async (printed) => {
      const pdf = await finishPdf(printed.pdf, editionPdfMetadata(dataset, lang, b.date), dataAttachments(dataset), { firstFolio: dataset.edition.startPage, titleOutline: true });
      return { rel: `${lang}/chapter.pdf`, data: pdf, format: "pdf", pages: printed.pages };
    },
  };
}

const MIME: Record<string, string> = { ".csv": "text/csv", ".yaml": "application/yaml", ".yml": "application/yaml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml", ".webp": "image/webp" };

/** The data snapshot, attached inside each chapter PDF so a reader can trace every number. */
export function dataAttachments(dataset: Dataset): Attachment[] {
  return dataset.files.map((f) => ({
    name: f.name,
    bytes: f.bytes,
    mimeType: MIME[path.extname(f.name).toLowerCase()] ?? "application/octet-stream",
    description: dataset.catalog[f.name.replace(/\.csv$/, "")]?.title.en ?? `greenbook data file ${f.name} (sha256 ${f.sha256.slice(0, 12)})`,
  }));
}

/** The charts with each one's narrow drawing, where there is one. */
function withNarrowDrawings(charts: ReadonlyMap<string, RenderedChart>, narrow: ReadonlyMap<string, RenderedChart> | undefined): Map<string, ChartForChapter> {
  return new Map([...charts].map(([id, chart]) => [id, narrow?.has(id) ? { ...chart, narrowSvg: narrow.get(id)!.svg } : chart]));
}

/** The edition's own opening image as an inline <img>, or undefined for greenbook's artwork. */
function illustrationMarkup(dataset: Dataset): string | undefined {
  const rel = dataset.edition.illustration.file;
  if (!rel) return undefined;
  const file = dataset.files.find((f) => f.name === rel);
  const type = ILLUSTRATION_TYPES[path.extname(rel).toLowerCase()];
  if (!file || !type) throw new TemplateError(`illustration ${rel}: expected a .png, .jpg, .webp or .svg file in the data folder`);
  return `<img src="data:${type};base64,${Buffer.from(file.bytes).toString("base64")}" alt="">`;
}
