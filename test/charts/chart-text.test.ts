import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { periodLabel } from "../../chapters/brain-drain/figures/text.ts";
import { fill, labelOf, loadChartText, resolveFigureText } from "../../src/charts/chart-text.ts";
import { TemplateError } from "../../src/errors.ts";
import { makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";
import { ALL_FIGURES, CHART_TEXT_SCHEMA, loadChartFixture, TEMPLATES_DIR } from "./chart-fixture.ts";

afterAll(removeDataCopies);
const fx = loadChartFixture();

describe("loadChartText", () => {
  it("loads both languages with the same keys", () => {
    const keys = (v: unknown, prefix = ""): string[] =>
      v && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => keys(x, `${prefix}${k}.`)) : [prefix];
    expect(keys(fx.text.en)).toEqual(keys(fx.text["zh-HK"]));
  });

  it("names file, line and field of a missing entry", () => {
    const dir = makeTempDir("greenbook-charts-");
    mkdirSync(path.join(dir, "en"));
    const yaml = readFileSync(path.join(TEMPLATES_DIR, "en", "charts.yaml"), "utf8").replace(/^  yTitle: Population\n/m, "");
    writeFileSync(path.join(dir, "en", "charts.yaml"), yaml);
    expect(() => loadChartText(dir, "en", CHART_TEXT_SCHEMA)).toThrow(TemplateError);
    expect(() => loadChartText(dir, "en", CHART_TEXT_SCHEMA)).toThrow(/charts\.yaml:\d+: column "fig2\.yTitle"/);
  });

  it("reports a missing file as a TemplateError", () => {
    expect(() => loadChartText(makeTempDir(), "zh-HK", CHART_TEXT_SCHEMA)).toThrow(TemplateError);
  });
});

describe("wording helpers", () => {
  it("fills placeholders and refuses a missing one", () => {
    expect(fill("{a} to {b}", { a: 1, b: "x" })).toBe("1 to x");
    expect(() => fill("{a} to {b}", { a: 1 })).toThrow(/no value for \{b\}/);
  });

  it("words reference points per language", () => {
    expect(periodLabel(fx.figureText.en, "mid-2019")).toBe("mid-2019");
    expect(periodLabel(fx.figureText["zh-HK"], "end-2019")).toBe("2019年年底");
  });

  it("takes labels and sources from the data set", () => {
    const zh = resolveFigureText(fx.text["zh-HK"], fx.dataset, "zh-HK", ALL_FIGURES);
    expect(labelOf(zh, "parent:us")).toBe("美國");
    expect(zh.sources.fig4?.source).toBe(fx.dataset.catalog.rhq!.source["zh-HK"]);
    expect(zh.sources.fig3?.illustrative).toBe(true);
    expect(() => labelOf(zh, "parent:atlantis")).toThrow(TemplateError);
  });
});
