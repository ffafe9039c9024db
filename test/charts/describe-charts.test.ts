import { describe, expect, it } from "vitest";
import { MINUS } from "../../src/charts/format-number.ts";
import type { Stats } from "../helpers/chapter.ts";
import { cloneStats, describeFigure as describe_, FIGURE_IDS, LANGS, loadChartFixture, type FigureId, type Lang } from "./chart-fixture.ts";

const fx = loadChartFixture();
/** A figure's description as the engine makes it from the chapter's figure. */
const describeFigure = (id: FigureId, stats: Stats, lang: Lang) => describe_(fx, id, stats, lang);

describe("describeFigure on the shipped data", () => {
  it("Figure 1 names the age groups with a net outflow and a net inflow", () => {
    const en = describeFigure("fig1", fx.stats, "en");
    expect(en).toContain("Illustrative data");
    expect(en).toContain(
      `All users: net outflow at ages 20–24, 25–29 and 30–34 (largest at 20–24, ${MINUS}5.8%); net inflow at ages 35–39, 40–44, 45–49, 50–54, 55–59 and 60–64 (largest at 40–44, +5.4%).`,
    );
    expect(en).toContain("Top three estimated-salary deciles:");
    const zh = describeFigure("fig1", fx.stats, "zh-HK");
    expect(zh).toContain("全體用戶：20至24歲、25至29歲和30至34歲組別錄得淨外流（以20至24歲最多，−5.8%）");
  });

  it("Figure 2 gives peak, trough and latest with their periods", () => {
    const en = describeFigure("fig2", fx.stats, "en");
    expect(en).toContain("7.52 million at its pre-pandemic peak in mid-2019 (provisional)");
    expect(en).toContain("fell to 7.35 million in mid-2022");
    // The mid-2023 estimate as known when the edition came out (January 2024): the provisional one.
    expect(en).toContain("was 7.50 million in mid-2023 (provisional), having regained 85% of the fall");
    const zh = describeFigure("fig2", fx.stats, "zh-HK");
    expect(zh).toContain("香港居住人口於疫情前的2019年年中（臨時數字）達到高峰，為752萬；於2022年年中跌至735萬；2023年年中（臨時數字）為750萬，已收復跌幅的85%。");
    expect(zh).toContain("735萬");
  });

  it("Figure 3 gives the share of companies that grew, in tens and without counts, on its illustrative values", () => {
    expect(describeFigure("fig3", fx.stats, "en")).toContain("Illustrative data, not published values. Drawn to match the published description: about 70% of the multinationals grew their Hong Kong headcount.");
    expect(describeFigure("fig3", fx.stats, "zh-HK")).toContain("約70%的跨國公司在港人手增加");
    expect(describeFigure("fig3", fx.stats, "en")).not.toMatch(/1,458|1,019/);
  });

  it("Figure 4 gives each parent's change over the window, and the gap", () => {
    const en = describeFigure("fig4", fx.stats, "en");
    expect(en).toContain(`United States fell from 290 to 240 (${MINUS}17%)`);
    expect(en).toContain("Mainland China rose from 197 to 251 (+27%)");
    expect(en).toContain("There is no figure for Mainland China in 2019.");
    expect(describeFigure("fig4", fx.stats, "zh-HK")).toContain("美國由290間減至240間（−17%）");
  });

  it.each(LANGS)("every description in %s is prose without placeholders or stray values", (lang) => {
    for (const id of FIGURE_IDS) {
      const d = describeFigure(id, fx.stats, lang);
      expect(d.length).toBeGreaterThan(40);
      expect(d).not.toMatch(/[{}]|NaN|undefined|(?<![a-z])-\d/);
    }
  });
});

describe("descriptions follow the data", () => {
  it("Figure 1 moves an age group from outflow to inflow", () => {
    const stats = cloneStats(fx.stats);
    const all = stats.ageFlows.find((c) => c.cohort === "all")!;
    const g = all.groups.find((x) => x.ageGroup === "30-34")!;
    g.net = 500;
    g.netRatio = 0.01;
    const before = describeFigure("fig1", fx.stats, "en");
    const after = describeFigure("fig1", stats, "en");
    expect(after).not.toBe(before);
    expect(after).toContain("All users: net outflow at ages 20–24 and 25–29");
  });

  it("Figure 2 says how much of the fall was regained when the latest point is below the peak", () => {
    const stats = cloneStats(fx.stats);
    stats.population.latest = { ...stats.population.latest, value: 7_450_000 };
    stats.population.recovered = (7_450_000 - stats.population.trough.value) / (stats.population.peak.value - stats.population.trough.value);
    expect(describeFigure("fig2", stats, "en")).toContain("having regained 58% of the fall");
  });

  it("Figure 4 says 'stayed' for an unchanged parent", () => {
    const stats = cloneStats(fx.stats);
    stats.rhq.byParent[1] = { ...stats.rhq.byParent[1]!, to: stats.rhq.byParent[1]!.from, growth: 0 };
    expect(describeFigure("fig4", stats, "en")).toContain("Japan stayed at 244");
  });

  it("a figure drawn from official data does not call itself illustrative", () => {
    expect(describeFigure("fig4", fx.stats, "en")).not.toContain("Illustrative");
    expect(describeFigure("fig2", fx.stats, "zh-HK")).not.toContain("示意");
  });
});
