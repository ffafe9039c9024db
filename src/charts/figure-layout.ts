/**
 * The room a figure is laid out in. The book's figures are CHART_WIDTH wide; the screen edition
 * also draws them NARROW_WIDTH wide for phones (src/charts/render-narrow-charts.ts).
 */
import { CHART_WIDTH } from "./theme.ts";

export interface FigureLayout {
  /** Total width of the figure, CSS px; the book's is CHART_WIDTH. */
  width: number;
}

/** The book's layout: a full-width figure of the printed page. */
export const BOOK_LAYOUT: FigureLayout = { width: CHART_WIDTH };
