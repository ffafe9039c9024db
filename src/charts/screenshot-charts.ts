/**
 * PNG screenshots of charts already drawn as SVG (for the handout and slides): the one step of
 * the charts that needs a browser. Each SVG is put on a page that has the chart fonts and nothing
 * else, and its element is captured at 2× pixel density.
 */
import type { BrowserSession } from "../browser/launch-browser.ts";
import { ChartError } from "../errors.ts";
import { hashOf } from "../io/hash.ts";
import { localeOf } from "../locale/locale-of.ts";
import type { StageCache } from "../output/stage-cache.ts";
import { withChartPage, type ChartPage } from "./chart-page.ts";
import type { RenderedChart } from "./render-charts.ts";

/** Bump when the screenshot changes in a way the SVG does not show, to drop cached PNGs. */
const PNG_CACHE_VERSION = "chart-png-1";

/** The charts (drawn in `lang`) with `png` set; PNGs of identical SVGs are reused from `cache`. */
export async function screenshotCharts(session: BrowserSession, charts: ReadonlyMap<string, RenderedChart>, lang: string, cache?: StageCache): Promise<Map<string, RenderedChart>> {
  const out = new Map<string, RenderedChart>();
  const keyOf = (c: RenderedChart) => hashOf(PNG_CACHE_VERSION, lang, c.svg);
  const todo: RenderedChart[] = [];
  for (const [id, c] of charts) {
    const hit = cache?.get("chart-png", keyOf(c));
    if (hit) out.set(id, { ...c, png: hit });
    else todo.push(c);
  }
  if (todo.length) {
    await withChartPage(session, { deviceScaleFactor: 2, families: localeOf(lang).fonts.sans }, async (page) => {
      await page.loadFonts(textOf(todo.map((c) => c.svg)));
      for (const c of todo) {
        const png = await screenshot(page, c.svg);
        page.assertClean(`taking the PNG of ${c.id} (${lang})`);
        out.set(c.id, { ...c, png });
        cache?.set("chart-png", keyOf(c), png);
      }
    });
  }
  return new Map([...charts.keys()].map((id) => [id, out.get(id)!]));
}

async function screenshot(page: ChartPage, svg: string): Promise<Uint8Array> {
  await page.page.evaluate(async (svg: string) => {
    document.getElementById("stage")!.innerHTML = svg;
    await document.fonts.ready;
  }, svg);
  const el = await page.page.$("#stage svg");
  if (!el) throw new ChartError("the chart page lost its SVG");
  try {
    return await el.screenshot({ type: "png" });
  } finally {
    await el.dispose();
  }
}

/** Every character the SVGs show (their text content), plus digits and signs. */
function textOf(svgs: string[]): string {
  const chars = new Set<string>("0123456789.,%−-+ ");
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, "&");
  for (const svg of svgs) for (const m of svg.matchAll(/>([^<]+)</g)) for (const ch of decode(m[1]!)) chars.add(ch);
  return [...chars].sort().join("");
}
