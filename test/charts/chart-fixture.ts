/** The shipped data set, its statistics and the chart wording in both languages, loaded once per test file. */
import path from "node:path";
import { loadChartText, resolveFigureText, type ChartText, type FigureText } from "../../src/charts/chart-text.ts";
import type { Lang } from "../../src/data/edition.ts";
import { loadDataset, type Dataset } from "../../src/data/load-dataset.ts";
import { computeStats, type Stats } from "../../src/stats/compute-stats.ts";
import { DATA_DIR, REPO_ROOT } from "../helpers/data-copy.ts";

export const TEMPLATES_DIR = path.join(REPO_ROOT, "templates");
export const LANGS: Lang[] = ["zh-HK", "en"];

export interface ChartFixture {
  dataset: Dataset;
  stats: Stats;
  text: Record<Lang, ChartText>;
  figureText: Record<Lang, FigureText>;
}

export function loadChartFixture(): ChartFixture {
  const dataset = loadDataset(DATA_DIR);
  const stats = computeStats(dataset);
  const text = { "zh-HK": loadChartText(TEMPLATES_DIR, "zh-HK"), en: loadChartText(TEMPLATES_DIR, "en") };
  const figureText = { "zh-HK": resolveFigureText(text["zh-HK"], dataset, "zh-HK"), en: resolveFigureText(text.en, dataset, "en") };
  return { dataset, stats, text, figureText };
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
