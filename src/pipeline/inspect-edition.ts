/**
 * Everything `greenbook check` reports, without a browser: claims with their wording per
 * language, parity between the editions, the published figures recomputed — and every check the
 * build would make before printing: templates and chart wording load, every figure's spec builds,
 * both documents render in every language.
 */
import type { Chapter } from "../chapter/define-chapter.ts";
import { buildFigureSpecs } from "../charts/render-charts.ts";
import { findDivergences, unexplainedDivergences, type Divergence } from "../reproduce/divergences.ts";
import { asOfWarnings } from "../data/as-of-warnings.ts";
import { evaluateChapterClaims, type ClaimResult } from "../claims/evaluate-claims.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { checkHandoutParity } from "../documents/check-parity-handout.ts";
import { renderHandout } from "../documents/render-handout.ts";
import { bylineWarnings } from "../render/author-names.ts";
import { GreenbookError } from "../errors.ts";
import { loadTemplates } from "../render/load-templates.ts";
import { renderChapter, type ChartForChapter, type ParityRecord } from "../render/render-chapter.ts";
import { createProseRenderer } from "../render/render-prose.ts";
import { reproduce, type Reproduction } from "../reproduce/reproduction-report.ts";
import { parityDifferences } from "../documents/check-parity.ts";

export interface ClaimReport extends ClaimResult {
  /** Wording chosen per language, per key used (the claim or its variants), as Markdown source. */
  wording: Record<string, Record<string, string>>;
}

export interface EditionReport {
  languages: string[];
  claims: ClaimReport[];
  parity: { ok: boolean; differences: string[]; records: Record<string, ParityRecord> };
  reproduction: Reproduction[];
  /** What this edition says differently from the published chapter, with the reason (the note on the figures). */
  divergences: Divergence[];
  /** Problems rendering a language's templates, figures or handout (strict mode, missing wording…), if any. */
  templateErrors: string[];
  /** Things a reader would notice that do not stop a build (e.g. an author with no English name). */
  warnings: string[];
}

const PLACEHOLDER: ChartForChapter = { svg: "<svg></svg>", description: "", illustrative: false, source: "" };

export function inspectEdition(chapter: Chapter, dataset: Dataset, stats: unknown, templatesDir: string = chapter.templatesDir): EditionReport {
  const claims = evaluateChapterClaims(chapter, stats);
  const divergences = findDivergences(chapter, dataset, stats, claims);
  const templateErrors: string[] = [];
  const langs = dataset.edition.languages;
  const templates = loadTemplates(chapter, langs, templatesDir);
  const wording: Record<string, Record<string, Record<string, string>>> = {};
  const records: Record<string, ParityRecord> = {};
  const handoutRecords = new Map<string, ParityRecord>();
  const figures = chapter.exhibits.filter((e) => e.kind === "figure");
  const placeholders = new Map<string, ChartForChapter>(figures.map((e) => [e.id, PLACEHOLDER]));
  const attempt = (lang: string, f: () => void) => {
    try {
      f();
    } catch (err) {
      if (!(err instanceof GreenbookError)) throw err;
      templateErrors.push(`${lang}: ${err.message}`);
    }
  };
  for (const lang of langs) {
    const t = templates.languages.get(lang)!;
    const prose = createProseRenderer({ chapter, dataset, stats, claims, templates: t, target: "screen" });
    wording[lang] = {};
    for (const key of Object.keys(t.claims)) {
      const id = key.split("#")[0]!;
      const variant = key.includes("#") ? ` variant="${key.split("#")[1]}"` : "";
      attempt(lang, () => {
        (wording[lang]![id] ??= {})[key] = prose.text({ name: `claim ${key}`, file: t.claimsFile, text: `{{claim "${id}"${variant}}}` });
      });
    }
    attempt(lang, () => {
      records[lang] = renderChapter({ chapter, dataset, stats, claims, templates, lang, charts: placeholders, target: "screen", fontSrc: () => "" }).parity;
    });
    // The figures as the build draws them: a spec that cannot be built fails here, not in the print.
    attempt(lang, () => void buildFigureSpecs({ stats, dataset, lang, text: t.chartText }, [...figures, ...(chapter.variants ?? [])].filter((f) => f.kind === "figure")));
    if (chapter.handout) {
      attempt(lang, () => {
        handoutRecords.set(lang, renderHandout({ chapter, dataset, stats, claims, templates, lang, chart: PLACEHOLDER, target: "screen", fontSrc: () => "" }).parity);
      });
    }
  }
  attempt("handout", () => checkHandoutParity(handoutRecords));
  const rendered = Object.keys(records);
  const differences: string[] = [];
  if (rendered.length < langs.length) differences.push("cannot compare: an edition failed to render");
  for (const lang of rendered.slice(1)) differences.push(...parityDifferences({ lang: rendered[0]!, record: records[rendered[0]!]! }, { lang, record: records[lang]! }));
  return {
    languages: langs,
    claims: [...claims.values()].map((c) => ({ ...c, wording: Object.fromEntries(langs.map((lang) => [lang, wording[lang]?.[c.id] ?? {}])) })),
    parity: { ok: differences.length === 0, differences, records },
    reproduction: reproduce(stats, dataset.published, chapter.reproducible),
    divergences,
    templateErrors,
    warnings: [...bylineWarnings(dataset.edition), ...asOfWarnings(chapter, dataset), ...unexplainedDivergences(divergences)],
  };
}
