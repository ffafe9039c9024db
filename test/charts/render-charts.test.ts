/**
 * Draws every figure (in Node) and compares each SVG with its file snapshot in
 * ./__snapshots__/<figure>.<lang>.svg, and with the SVG Vega draws for the same spec inside
 * Chromium (one browser for the file), which is what the Node renderer must reproduce.
 *
 * Regenerating the snapshots, after an intended change to a chart, its data or its wording:
 *
 *     npx vitest run test/charts -u
 *
 * (the path before -u: vitest 4's --update takes an optional value, so `-u test/charts` swallows
 * the path and updates the snapshots of every test file). Then look at the changed SVGs
 * (`greenbook charts --out /tmp/charts` writes PNGs to view) and commit them with the change.
 * With CI=true vitest never writes snapshots: a missing or different snapshot fails the run, so
 * CI cannot bless a chart nobody looked at.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import type { FigureDef } from "../../src/chapter/define-exhibit.ts";
import { buildFigureSpecs, renderCharts, type RenderedChart } from "../../src/charts/render-charts.ts";
import { normalizeSvg } from "../../src/charts/normalize-svg.ts";
import { localeOf } from "../../src/locale/locale-of.ts";
import { openChromiumCharts } from "../helpers/draw-in-chromium.ts";
import { writeCharts } from "../../src/charts/write-charts.ts";
import { ChartError } from "../../src/errors.ts";
import { chapterFigures } from "../../src/pipeline/build-edition.ts";
import { chapter } from "../helpers/chapter.ts";
import { DATA_DIR, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";
import { ALL_FIGURES, cloneStats, FIGURE_IDS, FIGURES, LANGS, loadChartFixture, TEMPLATES_DIR, type FigureId, type Lang } from "./chart-fixture.ts";

const fx = loadChartFixture();
let session: BrowserSession;
const rendered = new Map<Lang, Map<string, RenderedChart>>();
/** The figures as the engine takes them. */
const figures = (...defs: FigureDef<never, never>[]) => defs as unknown as FigureDef[];

beforeAll(async () => {
  session = await launchBrowser();
  for (const lang of LANGS) rendered.set(lang, await renderCharts({ stats: fx.stats, dataset: fx.dataset, lang, text: fx.text[lang] }, figures(...ALL_FIGURES)));
}, 120_000);

afterAll(async () => {
  await session?.close();
  removeDataCopies();
});

const chart = (lang: Lang, id: FigureId): RenderedChart => {
  const c = rendered.get(lang)?.get(id);
  if (!c) throw new Error(`${id} (${lang}) was not rendered`);
  return c;
};
const textOf = (svg: string) => [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]*)(?=<)/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&#39;/g, "'"));

describe.each(LANGS)("the figures in %s", (lang) => {
  it.each(FIGURE_IDS)("%s matches its snapshot", async (id) => {
    await expect(chart(lang, id).svg).toMatchFileSnapshot(`./__snapshots__/${id}.${lang}.svg`);
  });

  it.each(FIGURE_IDS)("%s shows the illustrative mark exactly when its data are illustrative", (id) => {
    const c = chart(lang, id);
    expect(textOf(c.svg).includes(fx.text[lang].common.illustrativeMark)).toBe(c.illustrative);
    expect(c.illustrative).toBe(id === "fig1" || id === "fig3");
  });

  it.each(FIGURE_IDS)("%s prints its source and has a description", (id) => {
    const c = chart(lang, id);
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(squash(textOf(c.svg).join(""))).toContain(squash(c.source));
    expect(c.description.length).toBeGreaterThan(40);
    expect(c.svg).toMatch(/^<svg role="img" aria-label="[^"]{40,}"/);
    expect(c.width).toBeGreaterThan(200);
    expect(c.height).toBeGreaterThan(150);
  });
});

describe.each(LANGS)("the figures in %s, against Chromium", (lang) => {
  it.each([true, false])("are byte-identical to the SVG Vega draws in Chromium (titles %s)", async (titles) => {
    const specs = buildFigureSpecs({ stats: fx.stats, dataset: fx.dataset, lang, text: fx.text[lang], titles }, figures(...ALL_FIGURES));
    const chars = [...new Set(JSON.stringify(specs.map((s) => s.spec)) + "0123456789.,%−-+ ")].join("");
    const page = await openChromiumCharts(session, localeOf(lang).fonts.sans, chars);
    try {
      const node = await renderCharts({ stats: fx.stats, dataset: fx.dataset, lang, text: fx.text[lang], titles }, figures(...ALL_FIGURES));
      const unlabelled = (svg: string) => svg.replace(/^<svg role="img" aria-label="[^"]*" /, "<svg ");
      for (const { id, spec } of specs) {
        const chromium = normalizeSvg(await page.draw(spec), `${id}-${lang}`);
        expect(unlabelled(node.get(id)!.svg), `${id} (${lang})`).toBe(chromium);
      }
    } finally {
      await page.close();
    }
  });
});

describe("rendering", () => {
  it("gives ids that cannot collide when all charts share one page", () => {
    const ids = [...rendered.values()].flatMap((m) => [...m.values()].flatMap((c) => [...c.svg.matchAll(/\sid="([^"]+)"/g)].map((x) => x[1])));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is deterministic: the same data give byte-identical SVG", async () => {
    const again = await renderCharts({ stats: fx.stats, dataset: fx.dataset, lang: "zh-HK", text: fx.text["zh-HK"] }, figures(FIGURES.fig1));
    expect(again.get("fig1")!.svg).toBe(chart("zh-HK", "fig1").svg);
  });

  it("changes the SVG and the description when one data point changes", async () => {
    const stats = cloneStats(fx.stats);
    const us = stats.rhq.byParent.find((p) => p.parent === "us")!;
    us.to = 200;
    us.growth = (200 - us.from) / us.from;
    stats.rhq.series.find((s) => s.parent === "us" && s.year === stats.rhq.to)!.count = 200;
    const changed = (await renderCharts({ stats, dataset: fx.dataset, lang: "en", text: fx.text.en }, figures(FIGURES.fig4))).get("fig4")!;
    const original = chart("en", "fig4");
    expect(changed.svg).not.toBe(original.svg);
    expect(changed.description).not.toBe(original.description);
    expect(changed.description).toContain("United States fell from 290 to 200 (−31%)");
    expect(textOf(changed.svg)).toContain("United States −31%");
  });

  it("fails when a chart tries to load anything from outside", async () => {
    const leaky = () => ({ data: { url: "https://example.com/data.csv" }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } }) as never;
    await expect(renderCharts({ stats: fx.stats, dataset: fx.dataset, lang: "en", text: fx.text.en }, figures({ ...FIGURES.fig2, spec: leaky }))).rejects.toThrow(ChartError);
    await expect(renderCharts({ stats: fx.stats, dataset: fx.dataset, lang: "en", text: fx.text.en }, figures({ ...FIGURES.fig2, spec: leaky }))).rejects.toThrow(/blocked request to https:\/\/example\.com\/data\.csv/);
  });

  it("names a character no chart font has", async () => {
    const odd = () => ({ data: { values: [{ a: "Ω\u{1F600}" }] }, mark: "text", encoding: { text: { field: "a" } }, config: { font: '"Source Sans 3", "Noto Sans HK", sans-serif' } }) as never;
    await expect(renderCharts({ stats: fx.stats, dataset: fx.dataset, lang: "en", text: fx.text.en }, figures({ ...FIGURES.fig2, spec: odd }))).rejects.toThrow(/no font of .*Source Sans 3.* has a glyph for "\u{1F600}" \(U\+1F600\)/u);
  });

  it("fails when Vega-Lite finds a problem in a spec", async () => {
    const wrong = () => ({ data: { values: [{ a: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "quantitative" }, shape: { field: "a", type: "nominal" } } }) as never;
    await expect(renderCharts({ stats: fx.stats, dataset: fx.dataset, lang: "en", text: fx.text.en }, figures({ ...FIGURES.fig2, spec: wrong }))).rejects.toThrow(/fig2: Vega-Lite reported problems/);
  });

  it("can leave the title to the page's caption", async () => {
    const c = (await renderCharts({ stats: fx.stats, dataset: fx.dataset, lang: "en", text: fx.text.en, titles: false }, figures(FIGURES.fig3))).get("fig3")!;
    expect(textOf(c.svg)).not.toContain(fx.text.en.fig3.title);
    expect(textOf(c.svg)).toContain(fx.text.en.common.illustrativeMark);
  });

  it("draws the chapter's four figures by default set for the book", () => {
    expect(chapterFigures(chapter).map((f) => f.id)).toEqual(["fig1", "fig2", "fig3", "fig4"]);
  });
});

describe("writeCharts", () => {
  it("writes an SVG and a 2× PNG per figure and language, with no temporary files left", async () => {
    const out = makeTempDir("greenbook-charts-out-");
    const written = await writeCharts({ chapter, dataDir: DATA_DIR, outDir: out, langs: ["en"], templatesDir: TEMPLATES_DIR, session });
    expect(written.map((w) => w.id)).toEqual(["fig1", "fig2", "fig3", "fig4", "fig2-compact"]);
    expect(readdirSync(path.join(out, "en", "charts")).sort()).toEqual(written.flatMap((w) => [`${w.id}.png`, `${w.id}.svg`]).sort());
    expect(existsSync(path.join(out, "zh-HK"))).toBe(false);
    for (const w of written) {
      const svg = readFileSync(w.svg, "utf8");
      expect(svg).toBe(chart("en", w.id as FigureId).svg);
      const png = readFileSync(w.png);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      // IHDR width: twice the SVG's CSS width.
      expect(png.readUInt32BE(16)).toBe(2 * chart("en", w.id as FigureId).width);
    }
  });
});
