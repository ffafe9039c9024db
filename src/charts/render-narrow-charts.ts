/**
 * The figures drawn a second time for a phone's column (NARROW_WIDTH px, the book's type sizes),
 * for the screen edition only: a phone then shows the narrow drawing scaled up instead of the
 * book's scaled down to 5–7 px text. A figure that lays out the same at every width (it ignores
 * the layout) gets no narrow drawing. The book's charts and PDFs are not touched.
 */
import type { FigureDef } from "../chapter/define-exhibit.ts";
import { buildFigureSpecs, renderCharts, type RenderedChart, type RenderInput } from "./render-charts.ts";
import { NARROW_WIDTH } from "./theme.ts";

/**
 * Draws each figure that has a narrow layout at NARROW_WIDTH; returns them by figure id. `book`
 * are the figures' book specs when the caller has built them already (for renderCharts).
 */
export async function renderNarrowCharts(input: Omit<RenderInput, "width">, figures: readonly FigureDef[], book = buildFigureSpecs(input, figures)): Promise<Map<string, RenderedChart>> {
  const narrow = { ...input, width: NARROW_WIDTH };
  // Each spec built once: a figure has a narrow layout when its narrow spec differs from the book's.
  const drawn = buildFigureSpecs(narrow, figures);
  const own = figures.flatMap((f, i) => (JSON.stringify(book[i]!.spec) !== JSON.stringify(drawn[i]!.spec) ? [i] : []));
  return own.length ? renderCharts(narrow, own.map((i) => figures[i]!), own.map((i) => drawn[i]!)) : new Map();
}
