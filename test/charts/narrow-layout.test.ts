/**
 * The figures laid out for a phone's column (NARROW_WIDTH): each plans its narrow width, Figure 1
 * stacks its two panels, and the book's layout is what a figure gets by default (so the PDFs do
 * not change). The drawn widths are checked by the renderer (a chart wider than planned fails)
 * and the rendered text sizes by test/build/phone-html.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { FigureDef } from "../../src/chapter/define-exhibit.ts";
import { buildFigureSpecs } from "../../src/charts/render-charts.ts";
import { CHART_WIDTH, NARROW_WIDTH } from "../../src/charts/theme.ts";
import { FIGURES, LANGS, loadChartFixture } from "./chart-fixture.ts";

const fx = loadChartFixture();
const BOOK = ["fig1", "fig2", "fig3", "fig4"] as const;
const specsOf = (lang: (typeof LANGS)[number], width?: number) =>
  new Map(buildFigureSpecs({ stats: fx.stats, dataset: fx.dataset, lang, text: fx.text[lang], titles: false, width }, BOOK.map((id) => FIGURES[id] as unknown as FigureDef)).map((f) => [f.id, f.spec as unknown as Record<string, unknown>]));

describe.each(LANGS)("figures laid out narrow (%s)", (lang) => {
  const book = specsOf(lang);
  const narrow = specsOf(lang, NARROW_WIDTH);

  it("plans every figure at the narrow width, and the book's at the book's", () => {
    for (const id of BOOK) {
      expect((narrow.get(id)!.usermeta as { plannedWidth: number }).plannedWidth, id).toBe(NARROW_WIDTH);
      expect((book.get(id)!.usermeta as { plannedWidth: number }).plannedWidth, id).toBe(CHART_WIDTH);
    }
  });

  it("is the book's layout when no width is asked for", () => {
    expect(specsOf(lang, CHART_WIDTH)).toEqual(book);
  });

  it("stacks Figure 1's two panels (side by side in the book)", () => {
    const body = (spec: Record<string, unknown>) => (spec.vconcat as Record<string, unknown>[])[1]!;
    expect(body(book.get("fig1")!)).toHaveProperty("facet.column");
    expect((body(narrow.get("fig1")!).vconcat as unknown[]).length).toBe(2);
  });
});
