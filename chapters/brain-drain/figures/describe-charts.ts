/**
 * Prose descriptions of the figures, made from the same statistics as the charts: the alt text
 * in HTML and the figure description. Wording comes from templates/<lang>/charts.yaml. Pure.
 */
import type { Stats } from "../stats/compute-stats.ts";
import { fill, labelOf } from "../../../src/charts/chart-text.ts";
import { localeOf } from "../../../src/locale/locale-of.ts";
import { ageGroupLabel, periodLabel, type Text as FigureText } from "./text.ts";
import { binLabel, roundToTens } from "./figure3-mnc-growth.ts";
import { gapsOf } from "./figure4-rhq.ts";
import { formatCount, formatLargeCount, formatList, formatPercent } from "../../../src/charts/format-number.ts";

export function describeAgeFlows(stats: Stats, text: FigureText, lang: string, cohorts: ("all" | "top3")[]): string {
  const d = text.fig1.describe;
  const pct = (v: number) => formatPercent(v, lang, { digits: 1, plus: true });
  const sentences = cohorts.map((id) => {
    const c = stats.ageFlows.find((x) => x.cohort === id);
    if (!c) throw new Error(`figure 1: no age flows for cohort "${id}"`);
    const prose = (g: string) => ageGroupLabel(text, g, "prose");
    const out = c.groups.filter((g) => g.net < 0);
    const inn = c.groups.filter((g) => g.net > 0);
    const most = (gs: typeof out, sign: 1 | -1) => gs.reduce((m, g) => (g.netRatio * sign > m.netRatio * sign ? g : m));
    const outClause = out.length
      ? (() => {
          const m = most(out, -1);
          return fill(d.outflow, { groups: formatList(out.map((g) => prose(g.ageGroup)), lang), group: prose(m.ageGroup), value: pct(m.netRatio) });
        })()
      : d.noOutflow;
    const inClause = inn.length
      ? (() => {
          const m = most(inn, 1);
          return fill(d.inflow, { groups: formatList(inn.map((g) => prose(g.ageGroup)), lang), group: prose(m.ageGroup), value: pct(m.netRatio) });
        })()
      : d.noInflow;
    return fill(d.cohort, { cohort: labelOf(text, `cohort:${id}`), clauses: `${outClause}${d.separator}${inClause}` });
  });
  return join(lang, [d.intro, ...sentences]);
}

export function describePopulation(stats: Stats, text: FigureText, lang: string): string {
  const d = text.fig2.describe;
  const { peak, trough, latest, recovered } = stats.population;
  const status = (p: typeof peak) => (p.status === "provisional" ? d.provisionalTag : "");
  const comparison =
    latest.value >= peak.value
      ? fill(d.abovePeak, { difference: formatCount(latest.value - peak.value, lang), peakPeriod: periodLabel(text, peak.period) })
      : fill(d.belowPeak, { recovered: formatPercent(Math.max(0, recovered), lang) });
  const main = fill(d.main, {
    peak: formatLargeCount(peak.value, lang, "prose"),
    peakPeriod: periodLabel(text, peak.period),
    peakStatus: status(peak),
    trough: formatLargeCount(trough.value, lang, "prose"),
    troughPeriod: periodLabel(text, trough.period),
    troughStatus: status(trough),
    latest: formatLargeCount(latest.value, lang, "prose"),
    latestPeriod: periodLabel(text, latest.period),
    latestStatus: status(latest),
    comparison,
  });
  return join(lang, [main, d.markers]);
}

export function describeMncGrowth(stats: Stats, text: FigureText, lang: string): string {
  const m = stats.mncGrowth;
  if (text.sources["fig3"]?.illustrative) return fill(text.fig3.describe.approx, { grewShare: formatPercent(roundToTens(m.grewShare), lang) });
  const mode = m.bins.reduce((a, b) => (b.companies > a.companies ? b : a));
  return fill(text.fig3.describe.main, {
    total: formatCount(m.total, lang),
    grew: formatCount(m.grew, lang),
    grewShare: formatPercent(m.grewShare, lang),
    other: formatCount(m.total - m.grew, lang),
    otherShare: formatPercent(1 - m.grewShare, lang),
    modeBin: binLabel(mode, text, lang),
    modeShare: formatPercent(mode.share, lang),
  });
}

export function describeRhq(stats: Stats, text: FigureText, lang: string): string {
  const d = text.fig4.describe;
  const changes = stats.rhq.byParent.map((p) => {
    const values = { parent: labelOf(text, `parent:${p.parent}`), from: formatCount(p.from, lang), to: formatCount(p.to, lang), growth: formatPercent(p.growth, lang, { plus: true }) };
    return fill(p.to > p.from ? d.rose : p.to < p.from ? d.fell : d.unchanged, values);
  });
  const gaps = gapsOf(stats).map((g) => fill(d.gap, { parent: labelOf(text, `parent:${g.parent}`), years: formatList(g.years.map(String), lang) }));
  return join(lang, [fill(d.intro, { from: stats.rhq.from, to: stats.rhq.to, changes: formatList(changes, lang) }), ...gaps]);
}

/** Sentences joined the way each language does: with a space in English, directly in Chinese. */
function join(lang: string, sentences: string[]): string {
  return sentences.join(localeOf(lang).sentenceSeparator);
}
