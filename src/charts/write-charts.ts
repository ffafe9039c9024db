/**
 * Writes every figure, per language, as `<outDir>/<lang>/charts/<id>.svg` and `<id>.png` (2×,
 * for slides and social media). Each file is written under a temporary name and renamed, so a
 * reader never sees a half-written chart.
 */
import { mkdirSync } from "node:fs";
import { writeFileAtomic } from "../io/write-atomic.ts";
import path from "node:path";
import type { Chapter } from "../chapter/define-chapter.ts";
import { loadDataset } from "../data/load-dataset.ts";
import { launchBrowser, type BrowserSession } from "../browser/launch-browser.ts";
import { chartTextSchema, loadChartText } from "./chart-text.ts";
import { renderCharts } from "./render-charts.ts";
import { screenshotCharts } from "./screenshot-charts.ts";

export interface WriteChartsOptions {
  /** Use the data as known on this date (ISO); default the edition's release date. */
  asOf?: string;
  chapter: Chapter;
  /** The data folder; default the chapter's. */
  dataDir?: string;
  /** Output root; files go to `<outDir>/<lang>/charts/`. */
  outDir: string;
  /** Languages to draw, in order; default the edition's. */
  langs?: readonly string[];
  /** Folder holding `<lang>/charts.yaml`; default the chapter's templates. */
  templatesDir?: string;
  /** A browser to take the PNGs in; default: one is launched for this call and closed after it. */
  session?: BrowserSession;
}

/** One file written. */
export interface WrittenChart {
  lang: string;
  id: string;
  svg: string;
  png: string;
}

/** Renders all figures in each language and writes SVG and PNG files; returns what it wrote. */
export async function writeCharts(options: WriteChartsOptions): Promise<WrittenChart[]> {
  const { chapter } = options;
  const dataset = loadDataset(chapter, options.dataDir ?? chapter.dataDir, { asOf: options.asOf });
  const stats = chapter.computeStats(dataset);
  const templatesDir = path.resolve(options.templatesDir ?? chapter.templatesDir);
  const schema = chartTextSchema(chapter);
  const figures = [...chapter.exhibits, ...(chapter.variants ?? [])].filter((e) => e.kind === "figure");
  const texts = (options.langs ?? dataset.edition.languages).map((lang) => ({ lang, text: loadChartText(templatesDir, lang, schema) }));
  const session = options.session ?? (await launchBrowser());
  const written: WrittenChart[] = [];
  try {
    for (const { lang, text } of texts) {
      const charts = await screenshotCharts(session, await renderCharts({ stats, dataset, lang, text }, figures), lang);
      const dir = path.join(options.outDir, lang, "charts");
      mkdirSync(dir, { recursive: true });
      for (const chart of charts.values()) {
        const svg = path.join(dir, `${chart.id}.svg`);
        const png = path.join(dir, `${chart.id}.png`);
        writeFileAtomic(svg, chart.svg);
        writeFileAtomic(png, chart.png!);
        written.push({ lang, id: chart.id, svg, png });
      }
    }
  } finally {
    if (!options.session) await session.close();
  }
  return written;
}
