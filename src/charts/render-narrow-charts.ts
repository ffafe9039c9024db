/**
 * The figures drawn a second time for a phone's column (NARROW_WIDTH px, the book's type sizes),
 * for the screen edition only: a phone then shows the narrow drawing scaled up instead of the
 * book's scaled down to 5–7 px text. A figure that lays out the same at every width (it ignores
 * the layout) gets no narrow drawing. The book's charts and PDFs are not touched.
 */
import type { FigureDef } from "../chapter/define-exhibit.ts";
import { buildFigureSpecs, renderCharts, type RenderedChart, type RenderInput } from "./render-charts.ts";
import { NARROW_WIDTH } from "./theme.ts";

/** Draws each figure that has a narrow layout at NARROW_WIDTH; returns them by figure id. */
export async function renderNarrowCharts(input: Omit<RenderInput, "width">, figures: readonly FigureDef[]): Promise<Map<string, RenderedChart>> {
  const narrow = { ...input, width: NARROW_WIDTH };
  const own = figures.filter((f) => hasNarrowLayout(input, narrow, f));
  return own.length ? renderCharts(narrow, own) : new Map();
}

function hasNarrowLayout(book: Omit<RenderInput, "width">, narrow: RenderInput, figure: FigureDef): boolean {
  const [a] = buildFigureSpecs(book, [figure]);
  const [b] = buildFigureSpecs(narrow, [figure]);
  return JSON.stringify(a!.spec) !== JSON.stringify(b!.spec);
}
