/**
 * The wording of the figures: <templates>/<lang>/charts.yaml (a `common` block, then one block
 * per figure, each with the schema its figure declares), plus what the data set adds (entity
 * labels, each series' source and provenance). Placeholders are written `{name}`.
 */
import path from "node:path";
import { z } from "zod";
import type { Dataset } from "../data/dataset.ts";
import { isIllustrative } from "../data/edition.ts";
import type { ChartText, CommonChartText, FigureText } from "./figure-text.ts";

export type { ChartText, CommonChartText, FigureSource, FigureText } from "./figure-text.ts";
import { DataError, TemplateError } from "../errors.ts";
import { displayPathOf } from "../io/display-path.ts";
import { parseYaml } from "../io/load-yaml.ts";
import { readTemplateFile } from "../io/read-template-file.ts";
import { unprintableInSources } from "../fonts/check-template-glyphs.ts";

const t = z.string().trim().min(1, "expected non-empty text");

/** The keys of charts.yaml's `common` block every chapter has. */
export const COMMON_CHART_TEXT = {
  /** Source line under every chart: {source}. */
  source: t,
  /** A note under the chart: {note}. */
  note: t,
  /** The mark on every chart drawn from illustrative data. */
  illustrativeMark: t,
  /** First sentence of the description of such a chart. */
  illustrativeLead: t,
};

/** What the wording schema needs of a figure (or table) declaration. */
interface FigureTextDecl {
  kind: string;
  id: string;
  text?: z.ZodType;
}

/** The schema of a chapter's charts.yaml: the common block and every figure's own. */
export function chartTextSchema(chapter: { exhibits: readonly FigureTextDecl[]; variants?: readonly FigureTextDecl[]; chartCommon?: z.ZodRawShape }): z.ZodType<ChartText> {
  const figures = [...chapter.exhibits, ...(chapter.variants ?? [])].flatMap((e) => (e.kind === "figure" && e.text ? [[e.id, e.text] as const] : []));
  return z.strictObject({ common: z.strictObject({ ...COMMON_CHART_TEXT, ...(chapter.chartCommon ?? {}) }), ...Object.fromEntries(figures) }) as unknown as z.ZodType<ChartText>;
}

/**
 * Reads and validates <templates>/<lang>/charts.yaml, including that the language's fonts can draw
 * every character of it; throws a TemplateError naming file and line.
 */
export function loadChartText(templatesDir: string, lang: string, schema: z.ZodType<ChartText>): ChartText {
  const source = readChartText(templatesDir, lang);
  const text = parseChartText(source, schema);
  const undrawable = unprintableInSources([{ ...source, syntax: "yaml", languages: [lang] }]);
  if (undrawable.length) throw new TemplateError(undrawable.join("\n"));
  return text;
}

/** The text of <templates>/<lang>/charts.yaml and its path as shown to the user. */
export function readChartText(templatesDir: string, lang: string): { file: string; text: string } {
  const file = path.resolve(templatesDir, lang, "charts.yaml");
  const shown = displayPathOf(file);
  return { file: shown, text: readTemplateFile(file) };
}

/** Validates charts.yaml text read by readChartText; throws a TemplateError naming file and line. */
export function parseChartText(source: { file: string; text: string }, schema: z.ZodType<ChartText>): ChartText {
  try {
    return parseYaml(source.text, source.file, schema);
  } catch (err) {
    if (err instanceof DataError) throw new TemplateError(err.message, { cause: err });
    throw err;
  }
}

/** Adds the data set's labels and sources, in `lang`, to the chart wording. */
export function resolveFigureText<X>(
  text: ChartText,
  dataset: Pick<Dataset, "labels" | "catalog">,
  lang: string,
  figures: readonly { id: string; series: string }[],
  options: { showTitle?: boolean } = {},
): FigureText<X> {
  const labels = new Map([...dataset.labels].map(([key, l]) => [key, l[lang] ?? ""]));
  const sources = Object.fromEntries(
    figures.map(({ id, series }) => {
      const entry = dataset.catalog[series];
      if (!entry) throw new TemplateError(`figure ${id}: no catalog entry "${series}" for its source`);
      return [id, { source: entry.source[lang] ?? "", illustrative: isIllustrative(entry.provenance) }];
    }),
  );
  return { ...(text as X & { common: CommonChartText }), labels, sources, showTitle: options.showTitle ?? true };
}

/** The label of an entity (`parent:us`); throws when the data set has none. */
export function labelOf(text: FigureText<unknown>, key: string): string {
  const label = text.labels.get(key);
  if (label === undefined) throw new TemplateError(`no label "${key}" in the data set's labels`);
  return label;
}

/** Fills `{name}` placeholders; throws when a placeholder has no value. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new TemplateError(`chart wording "${template}": no value for {${name}}`);
    return String(v);
  });
}
