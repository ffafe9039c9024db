/**
 * The Chromium page the figures are drawn in: Vega and Vega-Lite from node_modules and the
 * chart fonts from @fontsource, all served from the asset origin; nothing else may load.
 * Vega measures text with the page's canvas, so labels are laid out with the real fonts.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "puppeteer-core";
import { ChartError } from "../errors.ts";
import { facesForText, fontFaceCss, loadFontFaces, type FontFace } from "../fonts/font-faces.ts";
import { ASSET_ORIGIN, serveAssets, type AssetMap, type PageFailures } from "../browser/asset-server.ts";
import type { BrowserSession } from "../browser/launch-browser.ts";
import { CHART_FONT_WEIGHTS } from "./theme.ts";

export interface ChartPage {
  page: Page;
  /** Loads the chart fonts' pieces covering `text`; throws a ChartError for a character no chart font has. */
  loadFonts(text: string): Promise<void>;
  /** Draws a Vega-Lite spec to an SVG string; Vega-Lite and Vega warnings are returned, not logged. */
  draw(spec: unknown): Promise<{ svg?: string; error?: string; warnings: string[] }>;
  /** Throws a ChartError if anything failed or was blocked on the page so far. */
  assertClean(what: string): void;
  close(): Promise<void>;
}

const PAGE_PATH = "/charts.html";

/**
 * In-page drawing: Vega-Lite spec → Vega → SVG string, collecting every warning. Kept as page
 * script text (not a function passed to page.evaluate) because tsx rewrites named functions
 * with a helper that does not exist in the page.
 */
const DRAW_SCRIPT = `
window.greenbookDraw = async function (spec) {
  var warnings = [];
  var logger = {
    level: function (l) { return l === undefined ? 2 : logger; },
    error: function () { warnings.push(Array.prototype.join.call(arguments, " ")); return logger; },
    warn: function () { warnings.push(Array.prototype.join.call(arguments, " ")); return logger; },
    info: function () { return logger; },
    debug: function () { return logger; }
  };
  try {
    var compiled = vegaLite.compile(spec, { logger: logger }).spec;
    var view = new vega.View(vega.parse(compiled), { renderer: "none", logger: logger });
    await view.runAsync();
    var svg = await view.toSVG();
    view.finalize();
    return { svg: svg, warnings: warnings };
  } catch (err) {
    return { error: String((err && err.message) || err), warnings: warnings };
  }
};`;

/** The UMD builds of Vega and Vega-Lite (globals `vega`, `vegaLite`). */
export function vegaScripts(): { vega: string; vegaLite: string } {
  const require = createRequire(import.meta.url);
  return {
    vega: path.join(path.dirname(require.resolve("vega")), "vega.min.js"),
    vegaLite: path.join(path.dirname(require.resolve("vega-lite")), "vega-lite.min.js"),
  };
}

/** The faces the charts draw with (sans, in every weight the theme uses). */
export function chartFaces(fontFamilies: readonly string[]): FontFace[] {
  const families = new Set<string>(fontFamilies);
  const weights = new Set<number>(CHART_FONT_WEIGHTS);
  return loadFontFaces().filter((f) => families.has(f.family) && weights.has(f.weight) && f.style === "normal");
}

/** Opens one page for drawing charts; `deviceScaleFactor` sets the pixel density of screenshots. */
export async function openChartPage(session: BrowserSession, options: { deviceScaleFactor?: number; families: readonly string[] }): Promise<ChartPage> {
  const faces = chartFaces(options.families);
  const scripts = vegaScripts();
  const assets: AssetMap = new Map();
  for (const f of faces) assets.set(`/fonts/${f.name}`, { type: "font/woff2", file: f.file });
  assets.set("/vega.min.js", { type: "text/javascript", file: scripts.vega });
  assets.set("/vega-lite.min.js", { type: "text/javascript", file: scripts.vegaLite });
  const css = fontFaceCss(faces, (f) => `${ASSET_ORIGIN}/fonts/${f.name}`);
  assets.set(PAGE_PATH, {
    type: "text/html; charset=utf-8",
    body:
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>${css}\n` +
      `html,body{margin:0;padding:0;background:#fff}#stage{display:inline-block}#stage svg{display:block}</style>` +
      `<script src="${ASSET_ORIGIN}/vega.min.js"></script><script src="${ASSET_ORIGIN}/vega-lite.min.js"></script><script>${DRAW_SCRIPT}</script>` +
      `</head><body><div id="stage"></div></body></html>`,
  });

  const page = await session.browser.newPage();
  let failures: PageFailures;
  try {
    failures = await serveAssets(page, assets);
    await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: options.deviceScaleFactor ?? 1 });
    await page.goto(`${ASSET_ORIGIN}${PAGE_PATH}`, { waitUntil: "load" });
    const loaded = await page.evaluate(() => typeof (globalThis as { greenbookDraw?: unknown }).greenbookDraw === "function" && typeof (globalThis as { vega?: unknown }).vega === "object" && typeof (globalThis as { vegaLite?: unknown }).vegaLite === "object");
    if (!loaded) throw new ChartError("the chart page could not load Vega and Vega-Lite");
  } catch (err) {
    await page.close().catch(() => undefined);
    if (err instanceof ChartError) throw err;
    throw new ChartError(`cannot open the chart page: ${(err as Error).message}`, { cause: err });
  }

  const assertClean = (what: string) => {
    const problems = [...failures.errors, ...failures.blocked.map((u) => `blocked request to ${u}`)];
    if (problems.length) throw new ChartError(`${what}: the chart page had ${problems.length} failure(s):\n${problems.join("\n")}`);
  };
  assertClean("opening the chart page");

  return {
    page,
    assertClean,
    draw: (spec) => page.evaluate((s) => (globalThis as unknown as { greenbookDraw: (s: unknown) => Promise<{ svg?: string; error?: string; warnings: string[] }> }).greenbookDraw(s), spec as never),
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
    close: () => page.close(),
  };
}
