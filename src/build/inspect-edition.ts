/**
 * Everything `greenbook check` reports, without a browser: claims with their wording per
 * language, parity between the editions, and the published figures recomputed.
 */
import { evaluateClaims, type ClaimResult } from "../claims/evaluate-claims.ts";
import { bylineWarnings, LANGUAGES, type Lang } from "../data/edition.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { GreenbookError } from "../errors.ts";
import { loadTemplates } from "../render/load-templates.ts";
import { renderChapter, type ChartForChapter, type ParityRecord } from "../render/render-chapter.ts";
import { createProseRenderer, EXHIBITS } from "../render/render-prose.ts";
import { reproduce, type Reproduction } from "../reproduce/reproduction-report.ts";
import type { Stats } from "../stats/compute-stats.ts";
import { parityDifferences } from "./check-parity.ts";

export interface ClaimReport extends ClaimResult {
  /** Wording chosen per language, per key used (the claim or its variants), as Markdown source. */
  wording: Record<Lang, Record<string, string>>;
}

export interface EditionReport {
  claims: ClaimReport[];
  parity: { ok: boolean; differences: string[]; records: Record<string, ParityRecord> };
  reproduction: Reproduction[];
  /** Problems rendering a language's templates (strict mode, missing wording…), if any. */
  templateErrors: string[];
  /** Things a reader would notice that do not stop a build (e.g. an author with no English name). */
  warnings: string[];
}

export function inspectEdition(dataset: Dataset, stats: Stats, templatesDir: string): EditionReport {
  const claims = evaluateClaims(stats);
  const templateErrors: string[] = [];
  const templates = loadTemplates(templatesDir, LANGUAGES);
  const wording = {} as Record<Lang, Record<string, Record<string, string>>>;
  const records: Record<string, ParityRecord> = {};
  const placeholders = new Map<string, ChartForChapter>(EXHIBITS.filter((e) => e.kind === "figure").map((e) => [e.id, { svg: "<svg></svg>", description: "", illustrative: false, source: "" }]));
  for (const lang of LANGUAGES) {
    const t = templates.languages.get(lang)!;
    const prose = createProseRenderer({ dataset, stats, claims, templates: t, target: "screen" });
    wording[lang] = {};
    for (const key of Object.keys(t.claims)) {
      const id = key.split("#")[0]!;
      const variant = key.includes("#") ? ` variant="${key.split("#")[1]}"` : "";
      try {
        (wording[lang][id] ??= {})[key] = prose.text({ name: `claim ${key}`, file: t.claimsFile, text: `{{claim "${id}"${variant}}}` });
      } catch (err) {
        templateErrors.push(`${lang}: ${(err as Error).message}`);
      }
    }
    try {
      records[lang] = renderChapter({ dataset, stats, claims, templates, lang, charts: placeholders, target: "screen", fontSrc: () => "" }).parity;
    } catch (err) {
      if (!(err instanceof GreenbookError)) throw err;
      templateErrors.push(`${lang}: ${err.message}`);
    }
  }
  const langs = Object.keys(records) as Lang[];
  const differences = langs.length === 2 ? parityDifferences({ lang: langs[0]!, record: records[langs[0]!]! }, { lang: langs[1]!, record: records[langs[1]!]! }) : ["cannot compare: an edition failed to render"];
  return {
    claims: [...claims.values()].map((c) => ({ ...c, wording: { "zh-HK": wording["zh-HK"][c.id] ?? {}, en: wording.en[c.id] ?? {} } })),
    parity: { ok: differences.length === 0, differences, records },
    reproduction: reproduce(stats, dataset.tables.published),
    templateErrors,
    warnings: bylineWarnings(dataset.edition),
  };
}
