import type { Dataset } from "../data/load-dataset.ts";
import type { Lang } from "../data/edition.ts";
import type { Stats } from "../stats/compute-stats.ts";

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

/** Author names in a language; an author without a name in that language keeps the other one. */
export function authorNames(dataset: Dataset, lang: Lang): string[] {
  return dataset.edition.authors.map((a) => a[lang] ?? a["zh-HK"]);
}
