/** The shipped data set, its statistics and the chart wording in both languages, loaded once per test file. */
import type { ChartText as ChapterChartText, Text } from "../../chapters/brain-drain/figures/text.ts";
import type { FigureDef } from "../../src/chapter/define-exhibit.ts";
import { chartTextSchema, loadChartText, resolveFigureText, type ChartText } from "../../src/charts/chart-text.ts";
import { buildFigureSpecs } from "../../src/charts/render-charts.ts";
import { chapter, computeStats, loadData, TEMPLATES_DIR, type ChapterDataset, type Stats } from "../helpers/chapter.ts";

export { TEMPLATES_DIR };
export type Lang = "zh-HK" | "en";
export const LANGS: Lang[] = ["zh-HK", "en"];

/** The chapter's figures and their variants (the handout's compact Figure 2), in the order they are drawn. */
export const ALL_FIGURES = [...chapter.exhibits, ...(chapter.variants ?? [])].filter((e): e is FigureDef<Stats, ChapterChartText> => e.kind === "figure");
export const FIGURE_IDS = ALL_FIGURES.map((f) => f.id) as FigureId[];
export type FigureId = "fig1" | "fig2" | "fig3" | "fig4" | "fig2-compact";
/** Each figure by id. */
export const FIGURES = Object.fromEntries(ALL_FIGURES.map((f) => [f.id, f])) as Record<FigureId, FigureDef<Stats, ChapterChartText>>;

/** The chart wording schema of the chapter (charts.yaml). */
export const CHART_TEXT_SCHEMA = chartTextSchema(chapter);

export interface ChartFixture {
  dataset: ChapterDataset;
  stats: Stats;
  /** charts.yaml as loaded, typed as the chapter declares it. */
  text: Record<Lang, ChapterChartText & ChartText>;
  /** The wording with the data set's labels and sources, as figures get it. */
  figureText: Record<Lang, Text>;
}

export function loadChartFixture(): ChartFixture {
  const dataset = loadData();
  const stats = computeStats(dataset);
  const load = (lang: Lang) => loadChartText(TEMPLATES_DIR, lang, CHART_TEXT_SCHEMA) as ChapterChartText & ChartText;
  const text = { "zh-HK": load("zh-HK"), en: load("en") };
  const resolve = (lang: Lang) => resolveFigureText<ChapterChartText>(text[lang], dataset, lang, ALL_FIGURES);
  const figureText = { "zh-HK": resolve("zh-HK"), en: resolve("en") };
  return { dataset, stats, text, figureText };
}

/**
 * The description of figure `id` as the engine makes it (alt text and figure description): the
 * chapter's description, led by the illustrative sentence when the series is illustrative.
 */
export function describeFigure(fx: ChartFixture, id: FigureId, stats: Stats, lang: Lang): string {
  return buildFigureSpecs({ stats, dataset: fx.dataset, lang, text: fx.text[lang] }, [FIGURES[id] as unknown as FigureDef])[0]!.description;
}

/** A deep copy of `stats` that a test may change. */
export function cloneStats(stats: Stats): Stats {
  return structuredClone(stats);
}

/** Every string in a spec (titles, labels, lookup tables, data values). */
export function stringsOf(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(value);
  return out;
}

/** Freezes an object graph so a test fails if code under test mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
