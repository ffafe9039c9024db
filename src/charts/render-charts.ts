/**
 * Draws the figures as SVG inside Chromium, one page for all of them, so Vega measures text with
 * the embedded fonts (in Node without a canvas Vega only estimates widths, which misplaces CJK
 * labels). Anything the page tries to load besides its own assets fails the render.
 */
import type { BrowserSession } from "../browser/launch-browser.ts";
import type { FigureDef } from "../chapter/define-exhibit.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { ChartError } from "../errors.ts";
import { hashOf } from "../io/hash.ts";
import { localeOf } from "../locale/locale-of.ts";
import type { StageCache } from "../output/stage-cache.ts";
import type { VegaLiteSpec } from "./chart-frame.ts";
import { openChartPage, type ChartPage } from "./chart-page.ts";
import { resolveFigureText, type ChartText } from "./chart-text.ts";
import { normalizeSvg } from "./normalize-svg.ts";
import { withFontStack } from "./theme.ts";

/** Bump when the drawing code changes in a way the spec does not show, to drop cached charts. */
const CHART_CACHE_VERSION = "charts-1";

export interface RenderedChart {
  id: string;
  /** Standalone SVG; ids are prefixed `<id>-<lang>-` so several charts can share one HTML page. */
  svg: string;
  /** What the figure shows, in prose: alt text and figure description. */
  description: string;
  /** True when drawn from illustrative data (the chart then carries a visible mark). */
  illustrative: boolean;
  /** The source line printed under the chart. */
  source: string;
  /** Size of the SVG in CSS px. */
  width: number;
  height: number;
  /** PNG screenshot at 2× pixel density, when asked for with `png: true`. */
  png?: Uint8Array;
}

export interface RenderInput {
  stats: unknown;
  dataset: Pick<Dataset, "labels" | "catalog">;
  lang: string;
  /** Chart wording in `lang` (loadChartText). */
  text: ChartText;
  /** Also take a PNG screenshot of each chart (2× device scale); default false. */
  png?: boolean;
  /** Draw each chart's title in the chart; set false where the page sets a caption (default true). */
  titles?: boolean;
  /** Lay each figure out this many CSS px wide (see FigureLayout); default the book's width. */
  width?: number;
  /** Reuse charts drawn from an identical spec (same data, wording, language and options). */
  cache?: StageCache;
}

/** Builds each figure's spec and description; pure (no browser): `check` runs it too. */
export function buildFigureSpecs(input: RenderInput, figures: readonly FigureDef[]): { id: string; spec: VegaLiteSpec; description: string }[] {
  const locale = localeOf(input.lang);
  const text = resolveFigureText(input.text, input.dataset, input.lang, figures, { showTitle: input.titles ?? true });
  return figures.map((figure) => {
    try {
      const layout = input.width === undefined ? undefined : { width: input.width };
      const spec = withFontStack(figure.spec(input.stats, text, input.lang, layout), locale.fonts.sans);
      const body = figure.describe(input.stats, text, input.lang);
      const description = text.sources[figure.id]!.illustrative ? [text.common.illustrativeLead, body].join(locale.sentenceSeparator) : body;
      return { id: figure.id, spec: { ...spec, description } as VegaLiteSpec, description };
    } catch (err) {
      if (err instanceof ChartError || !(err instanceof Error) || err.name !== "Error") throw err;
      throw new ChartError(`${figure.id} (${input.lang}): ${err.message}`, { cause: err });
    }
  });
}

/** Renders each figure (in the order given) to SVG. */
export async function renderCharts(session: BrowserSession, input: RenderInput, figures: readonly FigureDef[]): Promise<Map<string, RenderedChart>> {
  const built = buildFigureSpecs(input, figures);
  const sources = resolveFigureText(input.text, input.dataset, input.lang, figures).sources;

  const out = new Map<string, RenderedChart>();
  const keyOf = (spec: VegaLiteSpec) => hashOf(CHART_CACHE_VERSION, input.lang, input.png ? "png" : "svg", JSON.stringify(spec));
  const todo = built.filter(({ id, spec }) => {
    const hit = input.cache?.getJson<Omit<RenderedChart, "png"> & { png?: string }>("chart", keyOf(spec));
    if (hit) out.set(id, { ...hit, png: hit.png === undefined ? undefined : Buffer.from(hit.png, "base64") });
    return !hit;
  });
  if (todo.length === 0) return new Map(built.map(({ id }) => [id, out.get(id)!]));

  const page = await openChartPage(session, { deviceScaleFactor: 2, families: localeOf(input.lang).fonts.sans });
  try {
    await page.loadFonts(textOf(todo.map((b) => b.spec)));
    for (const { id, spec, description } of todo) {
      const drawn = await drawSvg(page, id, spec);
      // Ids stay unique when a page holds both widths of a chart.
      const prefix = input.width === undefined ? `${id}-${input.lang}` : `${id}-${input.lang}-w${input.width}`;
      const svg = labelSvg(normalizeSvg(drawn.svg, prefix), description);
      const [, width = "0", height = "0"] = /^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg) ?? [];
      const chart: RenderedChart = {
        id,
        svg,
        description,
        illustrative: sources[id]!.illustrative,
        source: sources[id]!.source,
        width: Number(width),
        height: Number(height),
      };
      checkWidth(id, input.lang, spec, chart.width);
      if (input.png) chart.png = await screenshot(page, svg);
      page.assertClean(`rendering ${id} (${input.lang})`);
      out.set(id, chart);
      input.cache?.setJson("chart", keyOf(spec), { ...chart, png: chart.png === undefined ? undefined : Buffer.from(chart.png).toString("base64") });
    }
    return new Map(built.map(({ id }) => [id, out.get(id)!]));
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Compiles and draws one spec in the page; Vega-Lite or Vega warnings are errors. */
async function drawSvg(page: ChartPage, id: string, spec: VegaLiteSpec): Promise<{ svg: string }> {
  let result: { svg?: string; error?: string; warnings: string[] };
  try {
    result = await page.draw(spec);
  } catch (err) {
    throw new ChartError(`${id}: the chart page failed: ${(err as Error).message}`, { cause: err });
  }
  // A blocked or failed request explains any Vega error that follows it: report it first.
  page.assertClean(`${id}`);
  if (result.error) throw new ChartError(`${id}: Vega could not draw the chart: ${result.error}`);
  if (result.warnings.length) throw new ChartError(`${id}: Vega-Lite reported problems in the chart:\n${result.warnings.join("\n")}`);
  return { svg: result.svg! };
}

/** Gives the root element an accessible name (the description), for charts inlined in HTML. */
function labelSvg(svg: string, description: string): string {
  const escaped = description.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escaped}" `);
}

/** A chart wider than planned means some text (measured by Chromium) did not fit where it was put. */
function checkWidth(id: string, lang: string, spec: VegaLiteSpec, width: number): void {
  const planned = (spec.usermeta as { plannedWidth?: number } | undefined)?.plannedWidth;
  const padding = spec.config?.padding;
  const pad = typeof padding === "object" && padding && "left" in padding ? Number(padding.left ?? 0) + Number(padding.right ?? 0) : 0;
  if (planned !== undefined && width > planned + pad + 1) {
    throw new ChartError(`${id} (${lang}) is drawn ${width} px wide, more than the ${planned + pad} px planned: a label, title or source line is wider than the room given to it`);
  }
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

/** Every string in the specs (labels, titles, lookup tables) plus digits and signs Vega may format. */
function textOf(specs: unknown[]): string {
  const chars = new Set<string>("0123456789.,%−-+ ");
  const walk = (v: unknown): void => {
    if (typeof v === "string") for (const ch of v) chars.add(ch);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  specs.forEach(walk);
  return [...chars].sort().join("");
}
