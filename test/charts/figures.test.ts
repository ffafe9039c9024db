/** The spec builders: pure, honest about provenance, and worded in the right language. */
import { describe, expect, it } from "vitest";
import { binLabel, figure3MncGrowth } from "../../chapters/brain-drain/figures/figure3-mnc-growth.ts";
import { gapsOf } from "../../chapters/brain-drain/figures/figure4-rhq.ts";
import { MINUS } from "../../src/charts/format-number.ts";
import { cloneStats, deepFreeze, FIGURE_IDS, FIGURES, LANGS, loadChartFixture, stringsOf, type FigureId } from "./chart-fixture.ts";

const fx = loadChartFixture();
const ILLUSTRATIVE: Record<FigureId, boolean> = { fig1: true, fig2: false, "fig2-compact": false, fig3: true, fig4: false };

describe.each(LANGS)("figure specs in %s", (lang) => {
  const text = fx.figureText[lang];
  const other = fx.figureText[lang === "en" ? "zh-HK" : "en"];

  it.each(FIGURE_IDS)("%s is a pure function of its inputs", (id) => {
    const stats = deepFreeze(cloneStats(fx.stats));
    const a = FIGURES[id].spec(stats, text, lang);
    const b = FIGURES[id].spec(stats, text, lang);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it.each(FIGURE_IDS)("%s carries the illustrative mark exactly when its series is illustrative", (id) => {
    const strings = stringsOf(FIGURES[id].spec(fx.stats, text, lang));
    expect(text.sources[id]!.illustrative).toBe(ILLUSTRATIVE[id]);
    expect(strings.includes(text.common.illustrativeMark)).toBe(ILLUSTRATIVE[id]);
  });

  it.each(FIGURE_IDS)("%s prints its source line from the catalog", (id) => {
    const all = stringsOf(FIGURES[id].spec(fx.stats, text, lang)).flat().join("\n");
    const series = { fig1: "age-flows", fig2: "population", "fig2-compact": "population", fig3: "mnc-growth", fig4: "rhq" }[id];
    expect(FIGURES[id].series).toBe(series);
    const source = fx.dataset.catalog[series]!.source[lang]!;
    // The source may be wrapped over lines: compare without the breaks.
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(squash(all)).toContain(squash(source));
  });

  it.each(FIGURE_IDS)("%s has no words of the other language", (id) => {
    const strings = stringsOf(FIGURES[id].spec(fx.stats, text, lang));
    for (const key of ["title", "yTitle"] as const) {
      const fig = id === "fig2-compact" ? "fig2" : id;
      const word = (other[fig] as unknown as Record<string, string>)[key];
      if (word && !/[{]/.test(word)) expect(strings).not.toContain(word);
    }
    if (lang === "en") expect(strings.join("")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("labels the parents of Figure 4 from the data set's labels", () => {
    const strings = stringsOf(FIGURES.fig4.spec(fx.stats, text, lang)).join("\n");
    for (const p of fx.stats.rhq.byParent) expect(strings).toContain(fx.dataset.labels.get(`parent:${p.parent}`)![lang]);
  });

  it("labels the cohorts of Figure 1 from the data set's labels", () => {
    const strings = stringsOf(FIGURES.fig1.spec(fx.stats, text, lang));
    expect(strings).toContain(fx.dataset.labels.get("cohort:all")![lang]);
    expect(strings).toContain(fx.dataset.labels.get("cohort:top3")![lang]);
  });

  it("writes negative axis labels with a real minus sign", () => {
    const spec = JSON.stringify(FIGURES.fig1.spec(fx.stats, text, lang));
    expect(spec).toContain(`${MINUS}4%`);
    expect(spec).not.toMatch(/"-\d+(\.\d+)?%"/);
  });

  it("labels the population axis in 萬 (Chinese) or millions (English)", () => {
    const spec = JSON.stringify(FIGURES.fig2.spec(fx.stats, text, lang));
    if (lang === "zh-HK") expect(spec).toMatch(/\d{3}萬/);
    else expect(spec).toMatch(/7\.\d\dm/);
  });

  it("marks provisional population points differently from revised ones", () => {
    const spec = FIGURES.fig2.spec(fx.stats, text, lang);
    const strings = stringsOf(spec);
    expect(strings).toContain(text.fig2.provisional);
    expect(strings).toContain(text.fig2.revised);
    const json = JSON.stringify(spec);
    expect(json).toContain(`"range":["#1f4e79","#ffffff"]`);
  });
});

describe("Figure 3 bin labels", () => {
  it.each([
    [{ min: undefined, max: -50 }, "en", `≤ ${MINUS}50%`],
    [{ min: -50, max: -25 }, "en", `${MINUS}50% to ${MINUS}25%`],
    [{ min: -50, max: -25 }, "zh-HK", `${MINUS}50%至${MINUS}25%`],
    [{ min: 100, max: undefined }, "en", "> 100%"],
    [{ min: 100, max: undefined }, "zh-HK", "> 100%"],
  ] as const)("%o in %s is %s", (bin, lang, expected) => {
    expect(binLabel(bin, fx.text[lang], lang)).toBe(expected);
  });

  it("follows the bins in the data", () => {
    const stats = cloneStats(fx.stats);
    stats.mncGrowth.bins[0]!.max = -60;
    stats.mncGrowth.bins[1]!.min = -60;
    expect(JSON.stringify(figure3MncGrowth(stats, fx.figureText.en, "en"))).toContain(`≤ ${MINUS}60%`);
  });
});

describe("Figure 4 gaps", () => {
  it("finds the parent and year missing from the window", () => {
    expect(gapsOf(fx.stats)).toEqual([{ parent: "mainland", years: [2019] }]);
  });

  it("notes the gap on the chart, and breaks the line there", () => {
    const spec = FIGURES.fig4.spec(fx.stats, fx.figureText.en, "en");
    expect(stringsOf(spec).join("\n")).toContain("Note: no figure for Mainland China in 2019.");
    expect(JSON.stringify(spec)).toContain(`{"year":"2019","parent":"Mainland China","count":null}`);
  });
});

describe("Figure 4 emphasis", () => {
  /** Relative luminance of a #rrggbb colour: what is left of it in greyscale. */
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  type Scale = { domain: string[]; range: (string | number)[] };
  const scales = (spec: unknown, channel: string): Scale[] => {
    const out: Scale[] = [];
    JSON.stringify(spec, (key, value: unknown) => {
      const scale = (value as { [k: string]: { scale?: Scale } } | null)?.[channel]?.scale;
      if (scale?.range) out.push(scale);
      return value;
    });
    return out;
  };

  it("draws the series that grew most (the one the text discusses) darkest and heaviest", () => {
    const top = [...fx.stats.rhq.byParent].sort((a, b) => b.growth - a.growth)[0]!;
    const spec = FIGURES.fig4.spec(fx.stats, fx.figureText.en, "en");
    const name = top.parent === "mainland" ? "Mainland China" : top.parent;
    const color = scales(spec, "color")[0]!;
    const width = scales(spec, "strokeWidth")[0]!;
    const at = (s: Scale) => s.range[s.domain.indexOf(name)]!;
    expect(Math.min(...color.range.map((c) => luminance(String(c))))).toBe(luminance(String(at(color))));
    expect(Math.max(...width.range.map(Number))).toBe(at(width));
    expect(width.range.filter((w) => w === at(width))).toHaveLength(1);
  });
});

describe("titles", () => {
  it("can be left to the page's caption", () => {
    const text = { ...fx.figureText["zh-HK"], showTitle: false };
    const strings = stringsOf(FIGURES.fig3.spec(fx.stats, text, "zh-HK"));
    expect(strings).not.toContain(text.fig3.title);
    expect(strings).toContain(text.common.illustrativeMark);
  });
});
