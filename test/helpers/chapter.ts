/**
 * The brain-drain chapter as the tests use it: loaded once from chapters/brain-drain, with its data
 * and templates folders, and typed access to its rows and statistics.
 */
import path from "node:path";
import definition from "../../chapters/brain-drain/chapter.ts";
import type { TableRows } from "../../chapters/brain-drain/series.ts";
import type { Stats } from "../../chapters/brain-drain/stats/compute-stats.ts";
import { resolveChapter } from "../../src/chapter/load-chapter.ts";
import type { Chapter } from "../../src/chapter/define-chapter.ts";
import { evaluateChapterClaims, type Claims } from "../../src/claims/evaluate-claims.ts";
import { loadDataset, type Dataset } from "../../src/data/load-dataset.ts";

export const CHAPTER_DIR = path.resolve("chapters/brain-drain");
export const chapter: Chapter<Stats> = resolveChapter(definition as never, CHAPTER_DIR) as Chapter<Stats>;
export const DATA_DIR = chapter.dataDir;
export const TEMPLATES_DIR = chapter.templatesDir;

/** A data set of this chapter, its rows typed. */
export type ChapterDataset = Omit<Dataset, "tables"> & { tables: TableRows };

/** Loads a data folder of this chapter (default its own). */
export function loadData(dir: string = DATA_DIR): ChapterDataset {
  return loadDataset(chapter, dir) as unknown as ChapterDataset;
}

/** The chapter's statistics of a data set. */
export function computeStats(dataset: ChapterDataset | Dataset): Stats {
  return chapter.computeStats(dataset as Dataset);
}

/** Every claim of the chapter on the statistics. */
export function evaluateClaims(stats: Stats): Claims {
  return evaluateChapterClaims(chapter, stats);
}

export type { Stats, TableRows };
