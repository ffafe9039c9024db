/**
 * This chapter's chart wording schemas (charts.yaml): the extra keys of the `common` block, and
 * each figure's block, declared with its figure. Also the two wording helpers its figures share.
 */
import { z } from "zod";
import { fill, type CommonChartText, type FigureText } from "../../../src/chapter/index.ts";
import { TemplateError } from "../../../src/errors.ts";

const t = z.string().trim().min(1, "expected non-empty text");

/** Keys of `common` beyond the engine's own. */
export const chartCommon = {
  /** Reference points of a series: {year}. */
  period: z.strictObject({ mid: t, end: t }),
  /** An age group on an axis and in prose: {min}, {max}. */
  ageGroup: t,
  ageGroupProse: t,
};

export const fig1Text = z.strictObject({
  title: t,
  subtitle: t,
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
});

export const fig2Text = z.strictObject({
  /** {from}, {to}: the first and last period in the chart. */
  title: t,
  /** The handout's drawing: {from}, {to}. */
  compactTitle: t,
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
});

export const fig3Text = z.strictObject({
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
  /** The same on illustrative values, whose share is rounded to tens: {share}. */
  grewLabelApprox: t,
  describe: z.strictObject({
    /** {total} {grew} {grewShare} {other} {otherShare} {modeBin} {modeShare}. */
    main: t,
    /** On illustrative values, no counts: {grewShare} (rounded to tens). */
    approx: t,
  }),
});

export const fig4Text = z.strictObject({
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
});

/** Chart wording of this chapter in one language. */
export interface ChartText {
  common: CommonChartText & { period: { mid: string; end: string }; ageGroup: string; ageGroupProse: string };
  fig1: z.output<typeof fig1Text>;
  fig2: z.output<typeof fig2Text>;
  fig3: z.output<typeof fig3Text>;
  fig4: z.output<typeof fig4Text>;
}

export type Text = FigureText<ChartText>;

/** A reference point such as `mid-2019` in words: "mid-2019", "2019年年中". */
export function periodLabel(text: Text, period: string): string {
  const m = /^(mid|end)-(\d{4})$/.exec(period);
  if (!m) throw new TemplateError(`not a reference point: "${period}"`);
  return fill(text.common.period[m[1] as "mid" | "end"], { year: m[2]! });
}

/** An age group such as `20-24` on an axis ("20–24") or in prose ("20至24歲"). */
export function ageGroupLabel(text: Text, ageGroup: string, style: "axis" | "prose"): string {
  const [min, max] = ageGroup.split("-");
  return fill(style === "axis" ? text.common.ageGroup : text.common.ageGroupProse, { min: min ?? "", max: max ?? "" });
}
