/**
 * The Chromium page chart PNGs are taken in: the chart fonts from @fontsource, served from the
 * asset origin, and an empty stage an SVG is put on; nothing else may load. The SVGs themselves
 * are drawn in Node (renderCharts); only the raster needs a browser.
 */
import type { Page } from "puppeteer-core";
import { ChartError } from "../errors.ts";
import { facesForText, fontFaceCss } from "../fonts/font-faces.ts";
import { ASSET_ORIGIN, assetServer, type AssetMap } from "../browser/asset-server.ts";
import { withTab } from "../browser/tab-pool.ts";
import type { BrowserSession } from "../browser/launch-browser.ts";
import { chartFaces } from "./chart-faces.ts";
import { CHART_FONT_WEIGHTS } from "./theme.ts";

export interface ChartPage {
  page: Page;
  /** Loads the chart fonts' pieces covering `text`; throws a ChartError for a character no chart font has. */
  loadFonts(text: string): Promise<void>;
  /** Throws a ChartError if anything failed or was blocked on the page so far. */
  assertClean(what: string): void;
}

const PAGE_PATH = "/charts.html";

/**
 * Runs `work` on a page for chart screenshots (a charts tab, src/browser/tab-pool.ts, loaded with
 * the chart page for `families`); `deviceScaleFactor` sets their pixel density.
 */
export async function withChartPage<T>(session: BrowserSession, options: { deviceScaleFactor?: number; families: readonly string[] }, work: (page: ChartPage) => Promise<T>): Promise<T> {
  const faces = chartFaces(options.families);
  const assets: AssetMap = new Map();
  for (const f of faces) assets.set(`/fonts/${f.name}`, { type: "font/woff2", file: f.file });
  const css = fontFaceCss(faces, (f) => `${ASSET_ORIGIN}/fonts/${f.name}`);
  assets.set(PAGE_PATH, {
    type: "text/html; charset=utf-8",
    body:
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>${css}\n` +
      `html,body{margin:0;padding:0;background:#fff}#stage{display:inline-block}#stage svg{display:block}</style>` +
      `</head><body><div id="stage"></div></body></html>`,
  });

  return withTab(session, "charts", assetServer, async (page, server) => {
    const failures = server.serve(assets);
    try {
      await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: options.deviceScaleFactor ?? 1 });
      await page.goto(`${ASSET_ORIGIN}${PAGE_PATH}`, { waitUntil: "load" });
    } catch (err) {
      throw new ChartError(`cannot open the chart page: ${(err as Error).message}`, { cause: err });
    }

    const assertClean = (what: string) => {
      const problems = [...failures.errors, ...failures.blocked.map((u) => `blocked request to ${u}`)];
      if (problems.length) throw new ChartError(`${what}: the chart page had ${problems.length} failure(s):\n${problems.join("\n")}`);
    };
    assertClean("opening the chart page");

    return work({
      page,
      assertClean,
      async loadFonts(text: string) {
        const covered = new Set<number>();
        for (const f of facesForText(faces, text)) for (const [lo, hi] of f.ranges) for (const ch of text) {
          const cp = ch.codePointAt(0)!;
          if (cp >= lo && cp <= hi) covered.add(cp);
        }
        const missing = [...new Set(text)].filter((ch) => !/\s/.test(ch) && !covered.has(ch.codePointAt(0)!));
        if (missing.length) throw new ChartError(`no chart font has a glyph for ${missing.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`).join(", ")}`);
        const fonts = options.families.flatMap((family) => CHART_FONT_WEIGHTS.map((w) => `${w} 16px "${family}"`));
        const ok = await page.evaluate(
          async (fonts: string[], text: string) => {
            for (const font of fonts) await document.fonts.load(font, text);
            return fonts.every((font) => document.fonts.check(font, text));
          },
          fonts,
          text,
        );
        assertClean("loading the chart fonts");
        if (!ok) throw new ChartError("the chart fonts did not finish loading");
      },
    });
  });
}
