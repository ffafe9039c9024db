/**
 * The wording of the figures: templates/<lang>/charts.yaml (titles, axis and legend titles,
 * source line, provenance mark, description templates), plus what the data set adds (entity
 * labels, each series' source and provenance). Placeholders are written `{name}`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Dataset } from "../data/load-dataset.ts";
import type { Lang } from "../data/edition.ts";
import { isIllustrative } from "../data/edition.ts";
import { parseYaml } from "../data/load-yaml.ts";
import { displayPathOf } from "../data/load-dataset.ts";
import { DataError, TemplateError } from "../errors.ts";

const t = z.string().trim().min(1, "expected non-empty text");

const chartTextSchema = z.strictObject({
  common: z.strictObject({
    /** Source line under every chart: {source}. */
    source: t,
    /** A note under the chart: {note}. */
    note: t,
    /** The mark on every chart drawn from illustrative data. */
    illustrativeMark: t,
    /** First sentence of the description of such a chart. */
    illustrativeLead: t,
    /** Reference points of a series: {year}. */
    period: z.strictObject({ mid: t, end: t }),
    /** An age group on an axis and in prose: {min}, {max}. */
    ageGroup: t,
    ageGroupProse: t,
  }),
  fig1: z.strictObject({
    title: t,
    subtitle: t,
    compactTitle: t,
    xTitle: t,
    yTitle: t,
    /** Empty for no legend title. */
    legendTitle: z.string(),
    outflow: t,
    inflow: t,
    describe: z.strictObject({
      intro: t,
      /** One cohort: {cohort}, {clauses}. */
      cohort: t,
      /** {groups}, {group} (largest), {value}. */
      outflow: t,
      inflow: t,
      noOutflow: t,
      noInflow: t,
      /** Between the outflow and inflow clauses. */
      separator: z.string(),
    }),
  }),
  fig2: z.strictObject({
    /** {from}, {to}: the first and last period in the chart. */
    title: t,
    subtitle: t,
    yTitle: t,
    /** Empty for no legend title. */
    legendTitle: z.string(),
    revised: t,
    provisional: t,
    peak: t,
    trough: t,
    latest: t,
    /** Annotation on a point: {label}, {period}, {value}; a line break is written \n. */
    annotation: t,
    describe: z.strictObject({
      /** {peak} {peakPeriod} {trough} {troughPeriod} {latest} {latestPeriod} {comparison}; each period may be followed by {…Status}. */
      main: t,
      /** Follows a period when the point is provisional; kept untrimmed (English starts it with a space). */
      provisionalTag: z.string().min(1),
      /** Latest at or above the peak: {difference}, {peakPeriod}. */
      abovePeak: t,
      /** Latest below the peak: {recovered} (share of the fall regained). */
      belowPeak: t,
      markers: t,
    }),
  }),
  fig3: z.strictObject({
    title: t,
    subtitle: t,
    xTitle: t,
    yTitle: t,
    /** Empty for no legend title. */
    legendTitle: z.string(),
    fell: t,
    grew: t,
    /** Bin labels: {min}, {max}. */
    binBelow: t,
    binRange: t,
    binAbove: t,
    /** Label over the bins of companies that grew: {share}. */
    grewLabel: t,
    describe: z.strictObject({
      /** {total} {grew} {grewShare} {other} {otherShare} {modeBin} {modeShare}. */
      main: t,
    }),
  }),
  fig4: z.strictObject({
    /** {from}, {to}: years (also in the subtitle). */
    title: t,
    subtitle: t,
    yTitle: t,
    /** Note for a series with missing years: {parent}, {years}. */
    gap: t,
    describe: z.strictObject({
      /** {from} {to} {changes}. */
      intro: t,
      /** {parent} {from} {to} {growth}. */
      rose: t,
      fell: t,
      unchanged: t,
      /** {parent} {years}. */
      gap: t,
    }),
  }),
});

/** Wording of the figures in one language, as written in templates/<lang>/charts.yaml. */
export type ChartText = z.output<typeof chartTextSchema>;

/** The figures in this module, in chapter order; compact variants after. */
export const FIGURE_IDS = ["fig1", "fig2", "fig3", "fig4", "fig1-compact"] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** The data series (catalog entry) each figure is drawn from. */
export const FIGURE_SERIES: Record<FigureId, string> = {
  fig1: "age-flows",
  "fig1-compact": "age-flows",
  fig2: "population",
  fig3: "mnc-growth",
  fig4: "rhq",
};

/** What a figure says about where its data come from. */
export interface FigureSource {
  /** The catalog's source text in the figure's language. */
  source: string;
  /** True when the series is illustrative (made up to stand in for unpublished data). */
  illustrative: boolean;
}

/** Chart wording plus what the data set contributes: labels and sources, all in one language. */
export type FigureText = ChartText & {
  /** Entity labels by key (`parent:us`, `cohort:all`) in the figure's language. */
  labels: ReadonlyMap<string, string>;
  sources: Record<FigureId, FigureSource>;
  /** Draw the title in the chart; false where the page prints a caption instead (default true). */
  showTitle: boolean;
};

/** Reads and validates templates/<lang>/charts.yaml; throws a TemplateError naming file and line. */
export function loadChartText(templatesDir: string, lang: Lang): ChartText {
  const file = path.resolve(templatesDir, lang, "charts.yaml");
  const shown = displayPathOf(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new TemplateError(`${shown}: cannot read the chart wording: ${(err as Error).message}`, { cause: err });
  }
  try {
    return parseYaml(text, shown, chartTextSchema);
  } catch (err) {
    if (err instanceof DataError) throw new TemplateError(err.message, { cause: err });
    throw err;
  }
}

/** Adds the data set's labels and sources, in `lang`, to the chart wording. */
export function resolveFigureText(text: ChartText, dataset: Pick<Dataset, "labels" | "catalog">, lang: Lang, options: { showTitle?: boolean } = {}): FigureText {
  const labels = new Map([...dataset.labels].map(([key, l]) => [key, l[lang]]));
  const sources = Object.fromEntries(
    FIGURE_IDS.map((id) => {
      const entry = dataset.catalog[FIGURE_SERIES[id]];
      if (!entry) throw new TemplateError(`figure ${id}: no catalog entry "${FIGURE_SERIES[id]}" for its source`);
      return [id, { source: entry.source[lang], illustrative: isIllustrative(entry.provenance) }];
    }),
  ) as Record<FigureId, FigureSource>;
  return { ...text, labels, sources, showTitle: options.showTitle ?? true };
}

/** The label of an entity (`parent:us`); throws when the data set has none. */
export function labelOf(text: FigureText, key: string): string {
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

/** A reference point such as `mid-2019` in words: "mid-2019", "2019年年中". */
export function periodLabel(text: ChartText, period: string): string {
  const m = /^(mid|end)-(\d{4})$/.exec(period);
  if (!m) throw new TemplateError(`not a reference point: "${period}"`);
  return fill(text.common.period[m[1] as "mid" | "end"], { year: m[2]! });
}

/** An age group such as `20-24` on an axis ("20–24") or in prose ("20至24歲"). */
export function ageGroupLabel(text: ChartText, ageGroup: string, style: "axis" | "prose"): string {
  const [min, max] = ageGroup.split("-");
  return fill(style === "axis" ? text.common.ageGroup : text.common.ageGroupProse, { min: min ?? "", max: max ?? "" });
}
