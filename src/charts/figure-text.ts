/** The wording a figure is drawn with: charts.yaml in one language, plus labels and sources from the data. */

export interface CommonChartText {
  source: string;
  note: string;
  illustrativeMark: string;
  illustrativeLead: string;
}

/** Chart wording in one language, as written in charts.yaml. */
export type ChartText = { common: CommonChartText } & Record<string, unknown>;

/** What a figure says about where its data come from. */
export interface FigureSource {
  /** The catalog's source text in the figure's language. */
  source: string;
  /** True when the series is illustrative (made up to stand in for unpublished data). */
  illustrative: boolean;
}

/** Chart wording plus what the data set contributes: labels and sources, all in one language. */
export type FigureText<X = Record<string, unknown>> = X & {
  common: CommonChartText;
  /** Entity labels by key (`parent:us`, `cohort:all`) in the figure's language. */
  labels: ReadonlyMap<string, string>;
  /** Source and provenance of each figure, by figure id. */
  sources: Record<string, FigureSource>;
  /** Draw the title in the chart; false where the page prints a caption instead (default true). */
  showTitle: boolean;
};

