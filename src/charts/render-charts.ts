/**
 * Draws the figures as SVG in Node: Vega lays them out with text measured from the chart fonts'
 * own files (createTextMeasurer reproduces Chromium's font choice and shaping), so the SVG is the
 * one a browser page would draw, without the page. PNG screenshots, which do need a browser, are
 * taken afterwards by screenshotCharts.
 */
import type { FigureDef } from "../chapter/define-exhibit.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { ChartError } from "../errors.ts";
import { createTextMeasurer, type TextMeasurer } from "../fonts/measure-text.ts";
import { hashOf } from "../io/hash.ts";
import { yieldToIo } from "../io/yield-to-io.ts";
import { localeOf } from "../locale/locale-of.ts";
import type { StageCache } from "../output/stage-cache.ts";
import type { VegaLiteSpec } from "./chart-frame.ts";
import { chartFaces } from "./chart-faces.ts";
import { resolveFigureText, type ChartText } from "./chart-text.ts";
import { drawSvg } from "./draw-svg.ts";
import { normalizeSvg } from "./normalize-svg.ts";
import { withFontStack } from "./theme.ts";

/** Bump when the drawing code changes in a way the spec does not show, to drop cached charts. */
const CHART_CACHE_VERSION = "charts-2";

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
  /** PNG screenshot at 2× pixel density, once screenshotCharts has taken it. */
  png?: Uint8Array;
}

export interface RenderInput {
  stats: unknown;
  dataset: Pick<Dataset, "labels" | "catalog">;
  lang: string;
  /** Chart wording in `lang` (loadChartText). */
  text: ChartText;
  /** Draw each chart's title in the chart; set false where the page sets a caption (default true). */
  titles?: boolean;
  /** Reuse charts drawn from an identical spec (same data, wording, language and options). */
  cache?: StageCache;
  /** Lay each figure out this many CSS px wide (see FigureLayout); default the book's width. */
  width?: number;
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

/** Renders each figure (in the order given) to SVG, in Node; `built` are their specs when the caller has them already. */
export async function renderCharts(input: RenderInput, figures: readonly FigureDef[], built = buildFigureSpecs(input, figures)): Promise<Map<string, RenderedChart>> {
  const sources = resolveFigureText(input.text, input.dataset, input.lang, figures).sources;
  const measurer = measurerFor(localeOf(input.lang).fonts.sans);
  const out = new Map<string, RenderedChart>();
  for (const { id, spec, description } of built) {
    const key = hashOf(CHART_CACHE_VERSION, input.lang, JSON.stringify(spec));
    const hit = input.cache?.getJson<RenderedChart>("chart", key);
    if (hit) {
      out.set(id, hit);
      continue;
    }
    // A chart takes tens of milliseconds: a print laid out meanwhile gets its answers in between.
    await yieldToIo();
    const drawn = await drawChart(id, input.lang, spec, measurer);
    // Ids stay unique when a page holds both widths of a chart.
    const prefix = input.width === undefined ? `${id}-${input.lang}` : `${id}-${input.lang}-w${input.width}`;
    const svg = labelSvg(normalizeSvg(drawn, prefix), description);
    const [, width = "0", height = "0"] = /^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg) ?? [];
    const chart: RenderedChart = { id, svg, description, illustrative: sources[id]!.illustrative, source: sources[id]!.source, width: Number(width), height: Number(height) };
    checkWidth(id, input.lang, spec, chart.width);
    out.set(id, chart);
    input.cache?.setJson("chart", key, chart);
  }
  return out;
}

const measurers = new Map<string, TextMeasurer>();

/** One measurer per font stack for the process, so each font file is read and parsed once. */
function measurerFor(families: readonly string[]): TextMeasurer {
  const key = families.join("\n");
  let m = measurers.get(key);
  if (!m) measurers.set(key, (m = createTextMeasurer(chartFaces(families))));
  return m;
}

/** Compiles and draws one spec; Vega-Lite or Vega warnings, requests and cut-off text are errors. */
async function drawChart(id: string, lang: string, spec: VegaLiteSpec, measurer: TextMeasurer): Promise<string> {
  const result = await drawSvg(spec, measurer);
  // A blocked request explains any Vega error that follows it: report it first.
  if (result.blocked.length) throw new ChartError(`${id} (${lang}): ${result.blocked.map((u) => `blocked request to ${u}`).join(", ")}: a chart draws only the data in its spec`);
  // Vega-Lite's warnings explain a failure that follows them: report them first.
  if (result.warnings.length) throw new ChartError(`${id}: Vega-Lite reported problems in the chart:\n${result.warnings.join("\n")}`);
  if (result.error) throw new ChartError(`${id} (${lang}): Vega could not draw the chart: ${result.error}`);
  if (result.clipped.length) throw new ChartError(`${id} (${lang}): text would be cut short with an ellipsis:\n${result.clipped.join("\n")}`);
  return result.svg!;
}

/** Gives the root element an accessible name (the description), for charts inlined in HTML. */
function labelSvg(svg: string, description: string): string {
  const escaped = description.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escaped}" `);
}

/** A chart wider than planned means some text (measured from the fonts) did not fit where it was put. */
function checkWidth(id: string, lang: string, spec: VegaLiteSpec, width: number): void {
  const planned = (spec.usermeta as { plannedWidth?: number } | undefined)?.plannedWidth;
  const padding = spec.config?.padding;
  const pad = typeof padding === "object" && padding && "left" in padding ? Number(padding.left ?? 0) + Number(padding.right ?? 0) : 0;
  if (planned !== undefined && width > planned + pad + 1) {
    throw new ChartError(`${id} (${lang}) is drawn ${width} px wide, more than the ${planned + pad} px planned: a label, title or source line is wider than the room given to it`);
  }
}
