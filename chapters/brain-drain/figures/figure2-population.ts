/**
 * Figure 2: Hong Kong's resident population over the chapter's scope. Revised estimates are
 * filled markers, provisional ones hollow; the peak, the trough and the latest point are
 * labelled with their period and value.
 */

import type { PopulationPoint, Stats } from "../stats/compute-stats.ts";
import { topLegend, yAxis } from "../../../src/charts/axes.ts";
import { frameChart, type VegaLiteSpec } from "../../../src/charts/chart-frame.ts";
import { fill } from "../../../src/charts/chart-text.ts";
import { localeOf } from "../../../src/locale/locale-of.ts";
import { periodLabel, type Text as FigureText } from "./text.ts";
import { formatLargeCount } from "../../../src/charts/format-number.ts";
import { niceTicks } from "../../../src/charts/scale-ticks.ts";
import { estimateWidth } from "../../../src/charts/wrap-text.ts";
import { BOOK_LAYOUT, type FigureLayout } from "../../../src/charts/figure-layout.ts";
import { COMPACT_WIDTH, GUTTER, PALETTE, TYPE } from "../../../src/charts/theme.ts";

/** Size and title of one drawing of the chart. */
interface Frame {
  id: string;
  width: number;
  height: number;
  gutter: number;
  title(t: FigureText["fig2"], from: string, to: string): string;
  /** Whether the legend carries its title (the compact drawing has no room for it). */
  legendTitle: boolean;
}

const full = (layout: FigureLayout): Frame => ({ id: "fig2", width: layout.width, height: 230, gutter: GUTTER, title: (t, from, to) => fill(t.title, { from, to }), legendTitle: true });
const COMPACT: Frame = { id: "fig2-compact", width: COMPACT_WIDTH, height: 170, gutter: 34, title: (t, from, to) => fill(t.compactTitle, { from, to }), legendTitle: false };
const DAY = 86_400_000;
/** Space between a point and its label, px. */
const MARKER_GAP = 7;
/** Height of a two-line point label with its gap, px. */
const LABEL_BLOCK = MARKER_GAP + 2 * TYPE.annotation.lineHeight + 4;

/** Figure 2: population line with provisional points hollow and peak, trough and latest annotated. */
export function figure2Population(stats: Stats, text: FigureText, lang: string, layout: FigureLayout = BOOK_LAYOUT): VegaLiteSpec {
  return populationChart(stats, text, lang, full(layout));
}

/** Figure 2 drawn small for the handout, with its own title. */
export function figure2PopulationCompact(stats: Stats, text: FigureText, lang: string): VegaLiteSpec {
  return populationChart(stats, text, lang, COMPACT);
}

function populationChart(stats: Stats, text: FigureText, lang: string, frame: Frame): VegaLiteSpec {
  const HEIGHT = frame.height;
  const t = text.fig2;
  const { points, peak, trough, latest } = stats.population;
  const first = points[0];
  if (!first) throw new Error("figure 2: no population points");
  const time = (p: PopulationPoint) => Date.parse(`${p.date}T00:00:00Z`);

  const values = points.map((p) => p.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const range = hi - lo || hi * 0.01;
  // Room above for the peak and latest labels, below for the trough label: each a block of
  // LABEL_BLOCK px out of HEIGHT, so the span must be range / (1 − 2 × block / height).
  const pad = (range / (1 - (2 * LABEL_BLOCK) / HEIGHT)) * (LABEL_BLOCK / HEIGHT);
  const ticks = niceTicks(lo - pad, hi + pad, 8);
  const unit = localeOf(lang).largeUnits.at(-1)?.value ?? 1;
  const digits = Math.max(0, Math.ceil(-Math.log10(ticks.step / unit)));

  const startYear = Number(first.date.slice(0, 4));
  const endYear = Number(latest.date.slice(0, 4));
  const yearTicks: number[] = [];
  for (let y = startYear + 1; y <= endYear; y++) yearTicks.push(Date.UTC(y, 0, 1));
  // A label aligned right hangs 6 px past its point: on a narrow plot the last point needs more room after it.
  const plotWidth = frame.width - frame.gutter;
  const span = time(latest) - time(first) + 120 * DAY;
  const xDomain = [time(first) - 75 * DAY, time(latest) + Math.max(45 * DAY, (8 * span) / plotWidth)];

  // One label per annotated point; a point that is both trough and latest gets both words.
  // Labels near either end of the time axis, or too wide to centre on their point, are aligned
  // inward so they stay inside the plot.
  type Align = "left" | "center" | "right";
  const alignAt = (p: PopulationPoint, lines: string[]): Align => {
    const f = (time(p) - xDomain[0]!) / (xDomain[1]! - xDomain[0]!);
    const half = Math.max(...lines.map((l) => estimateWidth(l, TYPE.annotation.size))) / 2;
    return f > 0.85 || f * plotWidth + half > plotWidth ? "right" : f < 0.15 || f * plotWidth - half < 0 ? "left" : "center";
  };
  const annotated = new Map<string, { point: PopulationPoint; words: string[]; place: "above" | "below" }>();
  const annotate = (p: PopulationPoint, word: string, place: "above" | "below") => {
    const a = annotated.get(p.period);
    if (a) a.words.push(word);
    else annotated.set(p.period, { point: p, words: [word], place });
  };
  annotate(peak, t.peak, "above");
  annotate(trough, t.trough, "below");
  annotate(latest, t.latest, "above");
  const labelRows = [...annotated.values()].map((a) => {
    const lines = fill(t.annotation, {
      label: a.words.join(localeOf(lang).script === "han" ? "／" : " / "),
      period: periodLabel(text, a.point.period),
      value: formatLargeCount(a.point.value, lang, "short"),
    }).split("\n");
    return { t: time(a.point), value: a.point.value, lines, place: a.place, align: alignAt(a.point, lines) };
  });

  const x = { field: "t", type: "temporal", scale: { type: "utc", domain: xDomain }, axis: { title: null, values: yearTicks, format: "%Y", labelAngle: 0 } };
  const y = {
    field: "value",
    type: "quantitative",
    scale: { domain: ticks.domain, nice: false, zero: false },
    axis: yAxis({ ticks, label: (v) => formatLargeCount(v, lang, "short", digits), title: t.yTitle, gutter: frame.gutter }),
  };
  // Text blocks hang from their top edge: above a point the block is lifted by its own height.
  const annotation = (place: "above" | "below", align: Align, lineCount: number) => ({
    data: { values: labelRows.filter((r) => r.place === place && r.align === align && r.lines.length === lineCount) },
    mark: {
      type: "text",
      align,
      baseline: "top",
      dy: place === "above" ? -(MARKER_GAP + lineCount * TYPE.annotation.lineHeight) : MARKER_GAP,
      dx: align === "right" ? 6 : align === "left" ? -6 : 0,
      lineHeight: TYPE.annotation.lineHeight,
      fontSize: TYPE.annotation.size,
      color: PALETTE.ink,
    },
    encoding: { x: { field: "t", type: "temporal" }, y: { field: "value", type: "quantitative" }, text: { field: "lines", type: "nominal" } },
  });
  const annotationLayers = (["above", "below"] as const).flatMap((place) =>
    (["left", "center", "right"] as const).flatMap((align) =>
      [...new Set(labelRows.filter((r) => r.place === place && r.align === align).map((r) => r.lines.length))].map((n) => annotation(place, align, n)),
    ),
  );

  return frameChart({
    id: frame.id,
    text,
    width: frame.width,
    gutter: frame.gutter,
    title: frame.title(t, periodLabel(text, first.period), periodLabel(text, latest.period)),
    subtitle: t.subtitle,
    body: {
      width: plotWidth,
      height: HEIGHT,
      data: {
        values: points.map((p) => ({ t: time(p), value: p.value, status: p.status === "revised" ? t.revised : t.provisional })),
      },
      layer: [
        { mark: { type: "line", color: PALETTE.dark, strokeWidth: 1.8 }, encoding: { x, y } },
        {
          mark: { type: "point", filled: true, size: 46, stroke: PALETTE.dark, strokeWidth: 1.6, opacity: 1 },
          encoding: {
            x: { field: "t", type: "temporal" },
            y: { field: "value", type: "quantitative" },
            fill: {
              field: "status",
              type: "nominal",
              scale: { domain: [t.revised, t.provisional], range: [PALETTE.dark, PALETTE.background] },
              legend: { ...topLegend(frame.gutter, frame.legendTitle ? t.legendTitle : ""), symbolType: "circle", symbolStrokeColor: PALETTE.dark, symbolStrokeWidth: 1.6 },
            },
          },
        },
        ...annotationLayers,
      ],
    },
  });
}
