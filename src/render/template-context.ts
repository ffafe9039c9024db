import type { Dataset } from "../data/load-dataset.ts";
import type { Lang } from "../data/edition.ts";
import type { Stats } from "../stats/compute-stats.ts";
import { escapeHtml } from "./escape.ts";

/**
 * What prose templates see: the statistics (`s`), lookups by id for the tables, and the
 * edition's text in the current language. Numbers are raw; helpers format them.
 */
export interface TemplateContext {
  lang: Lang;
  s: Stats;
  region: Record<string, Stats["regions"]["rows"][number]>;
  profile: Record<string, Stats["profile"]["rows"][number]>;
  rhq: Record<string, Stats["rhq"]["byParent"][number]>;
  city: Record<string, Stats["cities"]["rows"][number]>;
  transition: Stats["transitions"]["byTransition"];
  cohort: Record<string, Stats["ageFlows"][number]>;
  /** Data files whose provenance is `illustrative` (data/catalog.yaml), by name: `{{#if illustrative.[age-flows]}}`. */
  illustrative: Record<string, boolean>;
  edition: {
    book: string;
    title: string;
    subtitle: string;
    authors: string[];
    version: string;
    year: number;
    releaseDate: string;
    startPage: number;
    publisher: string;
  };
}

export function buildTemplateContext(dataset: Dataset, stats: Stats, lang: Lang): TemplateContext {
  const e = dataset.edition;
  const byId = <T, K extends keyof T>(rows: readonly T[], key: K) => Object.fromEntries(rows.map((r) => [String(r[key]), r])) as Record<string, T>;
  return {
    lang,
    s: stats,
    region: byId(stats.regions.rows, "id"),
    profile: byId(stats.profile.rows, "id"),
    rhq: byId(stats.rhq.byParent, "parent"),
    city: byId(stats.cities.rows, "id"),
    transition: stats.transitions.byTransition,
    cohort: byId(stats.ageFlows, "cohort"),
    illustrative: Object.fromEntries(Object.entries(dataset.catalog).map(([name, entry]) => [name, entry.provenance === "illustrative"])),
    edition: {
      book: e.book[lang],
      title: e.chapter.title[lang],
      subtitle: e.chapter.subtitle[lang],
      authors: authorNames(dataset, lang),
      version: e.version,
      year: e.year,
      releaseDate: e.releaseDate,
      startPage: e.startPage,
      publisher: e.publisher[lang],
    },
  };
}

/**
 * Author names in a language. In English, an author without an English name is given by the
 * romanisation recorded in edition.yaml, else by the Chinese name (which `check` and the build flag).
 */
export function authorNames(dataset: Dataset, lang: Lang): string[] {
  return dataset.edition.authors.map((a) => (lang === "en" ? (a.en ?? a.romanised ?? a["zh-HK"]) : a["zh-HK"]));
}

/** The byline as HTML: names escaped, and a name printed in Chinese script inside the English edition marked `lang="zh-HK"`. */
export function authorLineHtml(dataset: Dataset, lang: Lang, join: (names: string[]) => string): string {
  const names = dataset.edition.authors.map((a, i) => {
    const name = escapeHtml(authorNames(dataset, lang)[i]!);
    return lang === "en" && a.en === null && a.romanised === null ? `<span lang="zh-HK">${name}</span>` : name;
  });
  return join(names);
}
