/** Every figure's spec builder, by id: the default set `renderCharts` draws. */
import type { Lang } from "../data/edition.ts";
import type { Stats } from "../stats/compute-stats.ts";
import type { VegaLiteSpec } from "./chart-frame.ts";
import type { FigureId, FigureText } from "./chart-text.ts";
import { figure1AgeFlows, figure1AgeFlowsCompact } from "./figure1-age-flows.ts";
import { figure2Population } from "./figure2-population.ts";
import { figure3MncGrowth } from "./figure3-mnc-growth.ts";
import { figure4Rhq } from "./figure4-rhq.ts";

/** Builds a figure's spec from the statistics; pure. */
export type SpecBuilder = (stats: Stats, text: FigureText, lang: Lang) => VegaLiteSpec;

export const FIGURES: Record<FigureId, SpecBuilder> = {
  fig1: figure1AgeFlows,
  fig2: figure2Population,
  fig3: figure3MncGrowth,
  fig4: figure4Rhq,
  "fig1-compact": figure1AgeFlowsCompact,
};

/** The four figures of the chapter, without the handout variant. */
export const CHAPTER_FIGURES: Partial<Record<FigureId, SpecBuilder>> = {
  fig1: figure1AgeFlows,
  fig2: figure2Population,
  fig3: figure3MncGrowth,
  fig4: figure4Rhq,
};
