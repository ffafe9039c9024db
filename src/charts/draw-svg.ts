/**
 * Draws a Vega-Lite spec to an SVG string in Node: Vega-Lite compiles it, Vega lays it out with
 * text measured from the chart fonts themselves (createTextMeasurer: the same faces, fallback and
 * shaping as Chromium's canvas, so labels land where the browser put them), and renders the scene
 * as SVG markup. Nothing is loaded: a spec that asks for a URL or file fails.
 */
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import type { TextMeasurer } from "../fonts/measure-text.ts";

export interface DrawnSvg {
  svg?: string;
  /** Why Vega could not draw the chart. */
  error?: string;
  /** Vega-Lite and Vega warnings and errors, in order. */
  warnings: string[];
  /** URLs and files the spec asked for (none is ever fetched). */
  blocked: string[];
  /** Texts longer than their `limit`, which Vega would cut short with an ellipsis. */
  clipped: string[];
}

type WidthOf = (item: TextItem, text: unknown) => number;
/** Vega's text measurer (exported by vega, missing from its type declarations). */
const textMetrics = (vega as unknown as { textMetrics: { width: WidthOf } }).textMetrics;

interface TextItem {
  font?: string;
  fontSize?: number;
  fontWeight?: number | string;
  fontStyle?: string;
  limit?: number;
}

/**
 * Vega keeps its text measurer in module state, so draws take turns: each installs its measurer
 * for its whole run (they are CPU-bound on one thread; turns cost nothing).
 */
let turn: Promise<unknown> = Promise.resolve();

/** Compiles and draws `spec`; never throws for a bad spec (see `error`, `warnings`). */
export function drawSvg(spec: unknown, measurer: TextMeasurer): Promise<DrawnSvg> {
  const drawn = turn.then(() => drawAlone(spec, measurer));
  turn = drawn.catch(() => undefined);
  return drawn;
}

async function drawAlone(spec: unknown, measurer: TextMeasurer): Promise<DrawnSvg> {
  const warnings: string[] = [];
  const blocked: string[] = [];
  const clipped: string[] = [];
  const record = (...args: unknown[]) => {
    warnings.push(args.map(String).join(" "));
    return logger;
  };
  const logger = {
    level: (l?: number) => (l === undefined ? 2 : logger),
    error: record,
    warn: record,
    info: () => logger,
    debug: () => logger,
  } as unknown as vega.LoggerInterface;
  const refuse = async (uri: string) => {
    blocked.push(uri);
    throw new Error(`blocked request to ${uri}`);
  };
  const loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse } as unknown as vega.Loader;

  const previous = textMetrics.width;
  textMetrics.width = (item: TextItem, text: unknown) => {
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const t = text == null ? "" : String(text).trim();
    if (size <= 0 || !t) return 0;
    const width = measurer.width({ family: item.font || "sans-serif", weight: item.fontWeight, style: item.fontStyle, size }, t);
    if (item.limit && item.limit > 0 && width >= item.limit) clipped.push(`"${t}" is ${width.toFixed(1)} px wide, more than its limit of ${item.limit} px`);
    return width;
  };
  try {
    const compiled = vegaLite.compile(spec as vegaLite.TopLevelSpec, { logger: logger as never }).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: "none", logger, loader });
    try {
      await view.runAsync();
      const svg = await view.toSVG();
      return { svg, warnings, blocked, clipped };
    } finally {
      view.finalize();
    }
  } catch (err) {
    return { error: String((err as Error)?.message ?? err), warnings, blocked, clipped };
  } finally {
    textMetrics.width = previous;
  }
}
