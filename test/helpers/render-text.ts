/**
 * The chapter rendered without a browser (charts replaced by their generated descriptions), as
 * the visible text a reader gets: prose, tables, captions, notes and chart descriptions.
 */
import { buildFigureSpecs } from "../../src/charts/render-charts.ts";
import type { Dataset } from "../../src/data/load-dataset.ts";
import { chapterFigures } from "../../src/pipeline/build-edition.ts";
import { loadTemplates } from "../../src/render/load-templates.ts";
import { renderChapter, type ChartForChapter } from "../../src/render/render-chapter.ts";
import { chapter, computeStats, evaluateClaims, type ChapterDataset } from "./chapter.ts";

export function chapterText(dataset: Dataset | ChapterDataset, lang: string, templatesDir: string, target: "screen" | "print" = "screen"): string {
  const data = dataset as Dataset;
  const stats = computeStats(data);
  const claims = evaluateClaims(stats);
  const templates = loadTemplates(chapter, chapter.languages, templatesDir);
  const text = templates.languages.get(lang)!.chartText;
  const charts = new Map<string, ChartForChapter>(
    buildFigureSpecs({ stats, dataset: data, lang, text }, chapterFigures(chapter)).map((f) => [f.id, { svg: "<svg></svg>", description: f.description, illustrative: false, source: "" }]),
  );
  const { html } = renderChapter({ chapter, dataset: data, stats, claims, templates, lang, charts, target });
  // The note on the figures quotes the published chapter's own figures and wording by design.
  return visibleText(html.replace(/<section class="appendix figures-note"[\s\S]*?<\/section>/, ""));
}

/** Text content of HTML: no style, script or SVG; tags removed; soft hyphens dropped; entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<svg[\s\S]*?<\/svg>/g, " ")
    // Break opportunities and the no-wrap spans inside a word or URL are not word boundaries.
    .replace(/<wbr>|<span class="nobr">|<\/span>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/\u00ad/g, "")
    .replace(/\s+/g, " ");
}

/**
 * The statistics printed in a text: numbers with at least three digits, a decimal point or a
 * percent sign (with 萬 or million attached). Years (1990–2099 standing alone), URLs and smaller
 * whole numbers (ranks, footnote and figure numbers, ages) are structural and left out.
 */
export function statisticTokens(text: string): Set<string> {
  // URLs and hex digests (the data snapshot "b810e7e" in the colophon) are not statistics.
  const withoutUrls = text.replace(/\b(?:https?:\/\/|www\.)\S+/g, " ").replace(/\b(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}\b/g, " ");
  const out = new Set<string>();
  // A sign only counts when it does not join two words or numbers ("mid-2019", "2017-2023").
  const unit = "(?:\\s?%|萬| million|倍| times)?";
  const number = new RegExp(`(?:(?<![A-Za-z0-9])[−-])?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?${unit}`, "g");
  for (const m of withoutUrls.matchAll(number)) {
    const token = m[0].trim();
    const digits = token.replace(/\D/g, "");
    const isYear = /^(199\d|20\d\d)$/.test(token);
    const isVersion = /^\d{4}\.\d+$/.test(token) && /v\d{4}\.\d|版本|Version/.test(text);
    if (isYear || isVersion) continue;
    if (digits.length >= 3 || token.includes(".") || /%|萬|million|倍|times/.test(token)) out.add(token.replace(/^-/, "−"));
  }
  return out;
}
