/**
 * Figure 4: regional headquarters in Hong Kong by location of the parent company, one line per
 * parent over the chapter's window. Lines differ by dash and marker shape as well as colour and
 * are labelled at their end with the change over the window; a missing year breaks the line and
 * is named in a note. The series the text discusses, the parent whose count grew most, is drawn
 * in the darkest style with a heavier line, so it stands out in colour and in greyscale.
 */

import type { Stats } from "../stats/compute-stats.ts";
import { yAxis } from "../../../src/charts/axes.ts";
import { frameChart, type VegaLiteSpec } from "../../../src/charts/chart-frame.ts";
import { fill, labelOf } from "../../../src/charts/chart-text.ts";
import type { Text as FigureText } from "./text.ts";
import { formatCount, formatList, formatPercent } from "../../../src/charts/format-number.ts";
import { niceTicks } from "../../../src/charts/scale-ticks.ts";
import { BOOK_LAYOUT, type FigureLayout } from "../../../src/charts/figure-layout.ts";
import { GUTTER, SERIES_STYLES, TYPE } from "../../../src/charts/theme.ts";
import { estimateWidth } from "../../../src/charts/wrap-text.ts";

const HEIGHT = 230;
const LABEL_GAP = 10;

/** Parents with years missing inside the window, and which. */
export function gapsOf(stats: Stats): { parent: string; years: number[] }[] {
  const { from, to, byParent, series } = stats.rhq;
  return byParent
    .map((p) => {
      const years: number[] = [];
      for (let y = from; y <= to; y++) if (!series.some((s) => s.parent === p.parent && s.year === y)) years.push(y);
      return { parent: p.parent, years };
    })
    .filter((g) => g.years.length > 0);
}

/** Figure 4: one line per parent country, labelled at its end with the change over the window. */
export function figure4Rhq(stats: Stats, text: FigureText, lang: string, layout: FigureLayout = BOOK_LAYOUT): VegaLiteSpec {
  const t = text.fig4;
  const { from, to, byParent, series } = stats.rhq;
  if (byParent.length > SERIES_STYLES.length) throw new Error(`figure 4: ${byParent.length} parents, but styles for only ${SERIES_STYLES.length}`);
  const names = byParent.map((p) => labelOf(text, `parent:${p.parent}`));
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);

  const counts = series.map((s) => s.count);
  const ticks = niceTicks(Math.min(...counts) * 0.9, Math.max(...counts) * 1.02, 5);
  const endLabels = byParent.map((p, i) => `${names[i]} ${formatPercent(p.growth, lang, { plus: true })}`);
  const labelWidth = Math.ceil(Math.max(...endLabels.map((l) => estimateWidth(l, TYPE.legend.size, true)))) + LABEL_GAP;
  const plotWidth = layout.width - GUTTER - labelWidth;

  // Rows for every parent and year in the window; a missing count is null, which breaks the line.
  const rows = byParent.flatMap((p, i) =>
    years.map((year) => ({ year: String(year), parent: names[i]!, count: series.find((s) => s.parent === p.parent && s.year === year)?.count ?? null })),
  );
  const ends = byParent.map((p, i) => ({ year: String(to), parent: names[i]!, count: p.to, label: endLabels[i]!, y: 0 }));
  spreadLabels(ends, ticks.domain, HEIGHT, TYPE.legend.size + 3);

  // The emphasised series takes the first (darkest) style; the others follow in order.
  const emphasised = byParent.reduce((best, p, i) => (p.growth > byParent[best]!.growth ? i : best), 0);
  const order = [emphasised, ...byParent.map((_, i) => i).filter((i) => i !== emphasised)];
  const styleOf = (i: number) => SERIES_STYLES[order.indexOf(i)]!;
  const style = {
    domain: names,
    color: names.map((_, i) => styleOf(i).color),
    dash: names.map((_, i) => [...styleOf(i).dash]),
    shape: names.map((_, i) => styleOf(i).shape),
    width: names.map((_, i) => (i === emphasised ? 3.2 : 1.6)),
  };
  const x = { field: "year", type: "ordinal", sort: years.map(String), scale: { type: "point", padding: 0.25 }, axis: { title: null, labelAngle: 0, domain: true } };
  const y = { field: "count", type: "quantitative", scale: { domain: ticks.domain, nice: false, zero: false }, axis: yAxis({ ticks, label: (v) => formatCount(v, lang), title: t.yTitle, gutter: GUTTER }) };
  const color = { field: "parent", type: "nominal", scale: { domain: style.domain, range: style.color }, legend: null };
  const gaps = gapsOf(stats);

  return frameChart({
    id: "fig4",
    text,
    width: layout.width,
    gutter: GUTTER,
    title: fill(t.title, { from, to }),
    subtitle: fill(t.subtitle, { from, to }),
    notes: gaps.map((g) => fill(t.gap, { parent: labelOf(text, `parent:${g.parent}`), years: formatList(g.years.map(String), lang) })),
    body: {
      width: plotWidth,
      height: HEIGHT,
      data: { values: rows },
      layer: [
        {
          mark: { type: "line" },
          encoding: {
            x,
            y,
            color,
            strokeDash: { field: "parent", type: "nominal", scale: { domain: style.domain, range: style.dash }, legend: null },
            strokeWidth: { field: "parent", type: "ordinal", sort: style.domain, scale: { domain: style.domain, range: style.width }, legend: null },
          },
        },
        {
          mark: { type: "point", filled: true, size: 52, opacity: 1 },
          encoding: {
            x: { field: "year", type: "ordinal", sort: years.map(String) },
            y: { field: "count", type: "quantitative" },
            color,
            shape: { field: "parent", type: "nominal", scale: { domain: style.domain, range: style.shape }, legend: null },
          },
        },
        {
          data: { values: ends },
          mark: { type: "text", align: "left", baseline: "middle", dx: LABEL_GAP, fontSize: TYPE.legend.size, fontWeight: 700 },
          encoding: {
            x: { field: "year", type: "ordinal", sort: years.map(String) },
            y: { field: "y", type: "quantitative" },
            text: { field: "label", type: "nominal" },
            fill: { field: "parent", type: "nominal", scale: { domain: style.domain, range: names.map((_, i) => styleOf(i).text) }, legend: null },
          },
        },
      ],
    },
  });
}

/**
 * Sets each end label's `y` (in data units) so labels sit at their line's end but at least
 * `minGap` px apart, pushing neighbours apart around their mean position.
 */
function spreadLabels(labels: { count: number; y: number }[], domain: [number, number], height: number, minGap: number): void {
  const toPx = (v: number) => ((v - domain[0]) / (domain[1] - domain[0])) * height;
  const toValue = (px: number) => domain[0] + (px / height) * (domain[1] - domain[0]);
  const order = labels.map((l, i) => ({ i, px: toPx(l.count) })).sort((a, b) => a.px - b.px);
  // Group overlapping labels into clusters and centre each cluster on its members' mean.
  type Cluster = { members: number[]; centre: number };
  const clusters: Cluster[] = [];
  for (const o of order) {
    clusters.push({ members: [o.i], centre: o.px });
    for (;;) {
      const last = clusters.at(-1)!;
      const prev = clusters.at(-2);
      if (!prev) break;
      const prevTop = prev.centre + ((prev.members.length - 1) * minGap) / 2;
      const lastBottom = last.centre - ((last.members.length - 1) * minGap) / 2;
      if (lastBottom - prevTop >= minGap) break;
      const members = [...prev.members, ...last.members];
      const mean = members.reduce((s, m) => s + toPx(labels[m]!.count), 0) / members.length;
      clusters.splice(-2, 2, { members, centre: mean });
    }
  }
  for (const c of clusters) {
    c.members.forEach((m, k) => {
      labels[m]!.y = toValue(c.centre + (k - (c.members.length - 1) / 2) * minGap);
    });
  }
}
