/**
 * Figure 3: how multinationals' Hong Kong headcount changed, as the share of companies in each
 * growth bin. Bins that shrank or held are dark, bins that grew light with a dark outline; a
 * bracket over the growing bins gives their total share.
 */

import type { Stats } from "../stats/compute-stats.ts";
import { topLegend, yAxis } from "../../../src/charts/axes.ts";
import { frameChart, type VegaLiteSpec } from "../../../src/charts/chart-frame.ts";
import { fill } from "../../../src/charts/chart-text.ts";
import type { ChartText, Text as FigureText } from "./text.ts";
import { formatPercent, formatPercentUnits } from "../../../src/charts/format-number.ts";
import { niceTicks } from "../../../src/charts/scale-ticks.ts";
import { BOOK_LAYOUT, type FigureLayout } from "../../../src/charts/figure-layout.ts";
import { GUTTER, PALETTE, TYPE } from "../../../src/charts/theme.ts";
import { wrapText } from "../../../src/charts/wrap-text.ts";

type Bin = Stats["mncGrowth"]["bins"][number];

const HEIGHT = 220;
const PADDING_INNER = 0.18;
const PADDING_OUTER = 0.1;

/** A bin's label in words: "≤ −50%", "−50% to −25%", "> 100%" (edges in percent units; bins are (min, max]). */
export function binLabel(bin: Pick<Bin, "min" | "max">, text: Pick<ChartText, "fig3">, lang: string): string {
  const t = text.fig3;
  if (bin.min === undefined && bin.max !== undefined) return fill(t.binBelow, { max: formatPercentUnits(bin.max, lang) });
  if (bin.max === undefined && bin.min !== undefined) return fill(t.binAbove, { min: formatPercentUnits(bin.min, lang) });
  if (bin.min !== undefined && bin.max !== undefined) return fill(t.binRange, { min: formatPercentUnits(bin.min, lang), max: formatPercentUnits(bin.max, lang) });
  throw new Error("figure 3: a growth bin needs at least one edge");
}

/** A share rounded to the nearest ten percent: how precisely illustrative values may be read. */
export function roundToTens(share: number): number {
  return Math.round(share * 10) / 10;
}

/** Whether companies in the bin grew (every value in (min, max] above zero), as the statistics count them. */
function grew(bin: Bin): boolean {
  return bin.min !== undefined && bin.min >= 0;
}

/** Figure 3: share of multinationals by headcount growth bin. */
export function figure3MncGrowth(stats: Stats, text: FigureText, lang: string, layout: FigureLayout = BOOK_LAYOUT): VegaLiteSpec {
  const t = text.fig3;
  // Illustrative values are not labelled as if measured: no value on each bar, the share that grew in tens.
  const illustrative = text.sources["fig3"]?.illustrative ?? false;
  const bins = stats.mncGrowth.bins;
  const plotWidth = layout.width - GUTTER;
  const band = plotWidth / (bins.length - PADDING_INNER + 2 * PADDING_OUTER);
  const rows = bins.map((b, i) => ({
    key: `b${i}`,
    share: b.share,
    shareLabel: formatPercent(b.share, lang, { digits: 1 }),
    direction: grew(b) ? t.grew : t.fell,
    label: binLabel(b, text, lang),
    closed: b.min !== undefined && b.max !== undefined,
  }));
  const labelLines = breakBinLabels(rows, band * (1 - PADDING_INNER) + 6);
  const maxShare = Math.max(...bins.map((b) => b.share));
  // Above the tallest bar: its value label, then the bracket and its label (px, out of HEIGHT).
  const valueLabel = TYPE.annotation.size + 6;
  const headroom = 2 * valueLabel + 4;
  const ticks = niceTicks(0, maxShare / (1 - headroom / HEIGHT), 6);
  const digits = ticks.step < 0.01 ? 1 : 0;
  const grown = rows.filter((_, i) => grew(bins[i]!));
  const bracketY = maxShare + (valueLabel * ticks.domain[1]) / HEIGHT;
  const labelExpr = `(${JSON.stringify(Object.fromEntries(rows.map((r, i) => [r.key, labelLines[i]!.length === 1 ? labelLines[i]![0] : labelLines[i]])))})[datum.value]`;

  const x = {
    field: "key",
    type: "nominal",
    scale: { domain: rows.map((r) => r.key), paddingInner: PADDING_INNER, paddingOuter: PADDING_OUTER },
    axis: { title: t.xTitle, labelAngle: 0, labelExpr, ticks: false, domain: false, labelPadding: 4, labelLineHeight: TYPE.axisLabel.size + 2 },
  };
  return frameChart({
    id: "fig3",
    text,
    width: layout.width,
    gutter: GUTTER,
    title: t.title,
    subtitle: t.subtitle,
    body: {
      width: plotWidth,
      height: HEIGHT,
      data: { values: rows.map(({ key, share, shareLabel, direction }) => ({ key, share, shareLabel, direction })) },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            x,
            y: {
              field: "share",
              type: "quantitative",
              scale: { domain: ticks.domain, nice: false },
              axis: yAxis({ ticks, label: (v) => formatPercent(v, lang, { digits }), title: t.yTitle, gutter: GUTTER }),
            },
            fill: {
              field: "direction",
              type: "nominal",
              scale: { domain: [t.fell, t.grew], range: [PALETTE.dark, PALETTE.light] },
              legend: { ...topLegend(GUTTER, t.legendTitle), symbolType: "square", symbolStrokeColor: PALETTE.dark, symbolStrokeWidth: 0.8 },
            },
          },
        },
        ...(illustrative
          ? []
          : [
              {
                mark: { type: "text", baseline: "bottom", dy: -3, fontSize: TYPE.annotation.size, color: PALETTE.ink },
                encoding: { x: { field: "key", type: "nominal" }, y: { field: "share", type: "quantitative" }, text: { field: "shareLabel", type: "nominal" } },
              },
            ]),
        ...(grown.length
          ? [
              {
                data: { values: [{ from: grown[0]!.key, to: grown.at(-1)!.key, y: bracketY, label: illustrative ? fill(t.grewLabelApprox, { share: formatPercent(roundToTens(stats.mncGrowth.grewShare), lang) }) : fill(t.grewLabel, { share: formatPercent(stats.mncGrowth.grewShare, lang, { digits: 1 }) }) }] },
                layer: [
                  {
                    mark: { type: "rule", color: PALETTE.ink, strokeWidth: 1 },
                    encoding: {
                      x: { field: "from", type: "nominal", bandPosition: 0 },
                      x2: { field: "to", bandPosition: 1 },
                      y: { field: "y", type: "quantitative" },
                    },
                  },
                  {
                    mark: { type: "text", baseline: "bottom", align: "left", dy: -3, fontSize: TYPE.annotation.size, fontWeight: 700, color: PALETTE.ink },
                    encoding: {
                      x: { field: "from", type: "nominal", bandPosition: 0 },
                      y: { field: "y", type: "quantitative" },
                      text: { field: "label", type: "nominal" },
                    },
                  },
                ],
              },
            ]
          : []),
      ],
    },
  });
}

/**
 * Bin labels as lines that fit under their bar. If any range label needs two lines, every range
 * label is broken the same way (before its upper edge), so the axis reads evenly.
 */
function breakBinLabels(rows: { label: string; closed: boolean }[], width: number): string[][] {
  const lines = rows.map((r) => wrapText(r.label, width, TYPE.axisLabel.size));
  if (!lines.some((l) => l.length > 1)) return lines;
  return rows.map((r, i) => {
    if (!r.closed || lines[i]!.length > 1) return lines[i]!;
    const cut = r.label.lastIndexOf(" ");
    return cut > 0 ? [r.label.slice(0, cut), r.label.slice(cut + 1)] : lines[i]!;
  });
}
