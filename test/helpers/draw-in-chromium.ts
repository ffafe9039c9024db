/**
 * The reference the Node chart renderer is held to: the same Vega-Lite spec drawn by Vega inside a
 * Chromium page whose canvas measures text with the chart fonts (the way greenbook drew its charts
 * before they moved to Node). Test-only; nothing may load besides the page's own assets.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { ASSET_ORIGIN, serveAssets, type AssetMap } from "../../src/browser/asset-server.ts";
import type { BrowserSession } from "../../src/browser/launch-browser.ts";
import { chartFaces } from "../../src/charts/chart-faces.ts";
import { CHART_FONT_WEIGHTS } from "../../src/charts/theme.ts";
import { fontFaceCss } from "../../src/fonts/font-faces.ts";

const DRAW_SCRIPT = `
window.drawChart = async function (spec) {
  var compiled = vegaLite.compile(spec).spec;
  var view = new vega.View(vega.parse(compiled), { renderer: "none" });
  await view.runAsync();
  var svg = await view.toSVG();
  view.finalize();
  return svg;
};
window.measureText = function (font, texts) {
  var ctx = document.createElement("canvas").getContext("2d");
  ctx.font = font;
  return texts.map(function (t) { return ctx.measureText(t).width; });
};`;

export interface ChromiumCharts {
  /** Vega's SVG for `spec`, as drawn in the page (not normalised). */
  draw(spec: unknown): Promise<string>;
  /** Canvas widths of `texts` in the CSS `font` (e.g. `700 11px "Source Sans 3", "Noto Sans HK"`). */
  measure(font: string, texts: string[]): Promise<number[]>;
  close(): Promise<void>;
}

/** A page with Vega, Vega-Lite and the chart fonts of `families` loaded for `text`. */
export async function openChromiumCharts(session: BrowserSession, families: readonly string[], text: string): Promise<ChromiumCharts> {
  const require = createRequire(import.meta.url);
  const faces = chartFaces(families);
  const assets: AssetMap = new Map();
  for (const f of faces) assets.set(`/fonts/${f.name}`, { type: "font/woff2", file: f.file });
  assets.set("/vega.min.js", { type: "text/javascript", file: path.join(path.dirname(require.resolve("vega")), "vega.min.js") });
  assets.set("/vega-lite.min.js", { type: "text/javascript", file: path.join(path.dirname(require.resolve("vega-lite")), "vega-lite.min.js") });
  assets.set("/charts.html", {
    type: "text/html; charset=utf-8",
    body:
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>${fontFaceCss(faces, (f) => `${ASSET_ORIGIN}/fonts/${f.name}`)}</style>` +
      `<script src="${ASSET_ORIGIN}/vega.min.js"></script><script src="${ASSET_ORIGIN}/vega-lite.min.js"></script><script>${DRAW_SCRIPT}</script></head><body></body></html>`,
  });
  const page = await session.browser.newPage();
  const failures = await serveAssets(page, assets);
  await page.goto(`${ASSET_ORIGIN}/charts.html`, { waitUntil: "load" });
  const fonts = families.flatMap((family) => CHART_FONT_WEIGHTS.map((w) => `${w} 16px "${family}"`));
  await page.evaluate(async (fonts: string[], text: string) => {
    for (const font of fonts) await document.fonts.load(font, text);
  }, fonts, text);
  const clean = () => {
    const problems = [...failures.errors, ...failures.blocked];
    if (problems.length) throw new Error(`the reference chart page failed: ${problems.join("; ")}`);
  };
  clean();
  type Win = { drawChart(s: unknown): Promise<string>; measureText(f: string, t: string[]): number[] };
  return {
    draw: async (spec) => {
      const svg = await page.evaluate((s) => (globalThis as unknown as Win).drawChart(s), spec as never);
      clean();
      return svg;
    },
    measure: (font, texts) => page.evaluate((f, t) => (globalThis as unknown as Win).measureText(f, t), font, texts),
    close: () => page.close(),
  };
}
