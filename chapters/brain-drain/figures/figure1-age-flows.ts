/**
 * Figure 1: net migration ratio by five-year age group, all users beside the top three
 * estimated-salary deciles. Bars below zero are net outflows (dark), above zero net inflows
 * (light with a dark outline), so the sign reads without colour.
 */

import type { Stats } from "../stats/compute-stats.ts";
import { topLegend, yAxis } from "../../../src/charts/axes.ts";
import { frameChart, type VegaLiteSpec, type ViewSpec } from "../../../src/charts/chart-frame.ts";
import { labelOf } from "../../../src/charts/chart-text.ts";
import { ageGroupLabel, type Text as FigureText } from "./text.ts";
import { formatPercent } from "../../../src/charts/format-number.ts";
import { niceTicks, type Ticks } from "../../../src/charts/scale-ticks.ts";
import { BOOK_LAYOUT, type FigureLayout } from "../../../src/charts/figure-layout.ts";
import { GUTTER, PALETTE, TYPE } from "../../../src/charts/theme.ts";

type Cohort = Stats["ageFlows"][number];

const PANEL_SPACING = 18;
/** Panel headers sit this far above the plots, clear of the y-axis title. */
const HEADER_PADDING = 32;
const HEADER_HEIGHT = HEADER_PADDING - 14;

/** Panels narrower than this are stacked instead of set side by side (their age labels would collide). */
const MIN_PANEL_WIDTH = 220;

/** Figure 1: two panels (all users, top three salary deciles) with one y scale; side by side in the book, stacked when narrow. */
export function figure1AgeFlows(stats: Stats, text: FigureText, lang: string, layout: FigureLayout = BOOK_LAYOUT): VegaLiteSpec {
  const cohorts = (["all", "top3"] as const).map((id) => cohortOf(stats, id));
  const ticks = ratioTicks(cohorts);
  // The last age label overhangs its panel by a few px: keep that inside the planned width.
  const panelWidth = Math.floor((layout.width - GUTTER - PANEL_SPACING - 6) / 2);
  const stacked = panelWidth < MIN_PANEL_WIDTH;
  const names = cohorts.map((c) => labelOf(text, `cohort:${c.cohort}`));
  return frameChart({
    id: "fig1",
    text,
    width: layout.width,
    gutter: GUTTER,
    title: text.fig1.title,
    subtitle: text.fig1.subtitle,
    body: stacked ? stackedPanels(cohorts, names, text, lang, ticks, layout.width) : sideBySidePanels(cohorts, names, text, lang, ticks, panelWidth),
  });
}

/** The book's figure: the panels side by side, one facet each. */
function sideBySidePanels(cohorts: Cohort[], names: string[], text: FigureText, lang: string, ticks: Ticks, panelWidth: number): ViewSpec {
  const { data, layer } = panel(cohorts, text, lang, ticks, { gutter: GUTTER, legendRise: HEADER_HEIGHT, labelSize: TYPE.axisLabel.size });
  return {
    data,
    facet: {
      column: {
        field: "cohort",
        type: "nominal",
        sort: names,
        header: { title: null, labelAnchor: "start", labelAlign: "left", labelFontWeight: 700, labelFontSize: TYPE.subtitle.size, labelPadding: HEADER_PADDING },
      },
    },
    spacing: PANEL_SPACING,
    spec: { width: panelWidth, height: 210, layer },
  };
}

/**
 * A narrow figure: the panels one above the other, each named above its y-axis title, the legend
 * once, under the first name. Nine age labels are too many for the width: they slant so they do not touch.
 */
function stackedPanels(cohorts: Cohort[], names: string[], text: FigureText, lang: string, ticks: Ticks, width: number): ViewSpec {
  return {
    spacing: 20,
    resolve: { legend: { fill: "independent" } },
    vconcat: cohorts.map((c, i) => ({
      title: { text: names[i], anchor: "start", frame: "group", dx: -GUTTER, fontSize: TYPE.subtitle.size, fontWeight: 700, color: PALETTE.ink, offset: 8 },
      width: width - GUTTER - 4,
      height: 160,
      ...panel([c], text, lang, ticks, { gutter: GUTTER, legendRise: i === 0 ? 0 : undefined, labelSize: TYPE.axisLabel.size, labelAngle: -45 }),
    })),
  };
}

function cohortOf(stats: Stats, id: Cohort["cohort"]): Cohort {
  const c = stats.ageFlows.find((x) => x.cohort === id);
  if (!c) throw new Error(`figure 1: no age flows for cohort "${id}"`);
  return c;
}

function ratioTicks(cohorts: Cohort[]): Ticks {
  const ratios = cohorts.flatMap((c) => c.groups.map((g) => g.netRatio));
  return niceTicks(Math.min(0, ...ratios), Math.max(0, ...ratios), 6);
}

/** Data and layers of one panel per cohort (bars and the zero line), sharing `ticks` on y; the legend rises `legendRise` px, none if undefined. */
function panel(
  cohorts: Cohort[],
  text: FigureText,
  lang: string,
  ticks: Ticks,
  o: { gutter: number; legendRise: number | undefined; labelSize: number; labelAngle?: number },
): { data: { values: object[] }; layer: ViewSpec[] } {
  const gutter = o.gutter;
  const t = text.fig1;
  const digits = ticks.step < 0.01 ? 1 : 0;
  const order = cohorts[0]!.groups.map((g) => ageGroupLabel(text, g.ageGroup, "axis"));
  const values = cohorts.flatMap((c) =>
    c.groups.map((g) => ({
      cohort: labelOf(text, `cohort:${c.cohort}`),
      age: ageGroupLabel(text, g.ageGroup, "axis"),
      ratio: g.netRatio,
      direction: g.netRatio < 0 ? t.outflow : t.inflow,
    })),
  );
  return {
    data: { values },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          x: { field: "age", type: "nominal", scale: { domain: order, paddingInner: 0.2, paddingOuter: 0.08 }, axis: { title: t.xTitle, labelAngle: o.labelAngle ?? 0, labelFontSize: o.labelSize, ticks: false, domain: false } },
          y: {
            field: "ratio",
            type: "quantitative",
            scale: { domain: ticks.domain, nice: false, zero: true },
            axis: yAxis({ ticks, label: (v) => formatPercent(v, lang, { digits }), title: t.yTitle, gutter }),
          },
          fill: {
            field: "direction",
            type: "nominal",
            scale: { domain: [t.outflow, t.inflow], range: [PALETTE.dark, PALETTE.light] },
            // No legend where the rise is undefined (a stacked panel below the first).
            legend: o.legendRise === undefined ? null : { ...topLegend(gutter, t.legendTitle, o.legendRise), symbolType: "square", symbolStrokeColor: PALETTE.dark, symbolStrokeWidth: 0.8 },
          },
        },
      },
      { mark: { type: "rule", color: PALETTE.ink, strokeWidth: 1 }, encoding: { y: { datum: 0 } } },
    ],
  };
}
