/**
 * Axis definitions shared by the figures. The y axis takes exactly the frame's gutter (so titles
 * and sources can line up with it) and carries its title horizontally above the labels: rotated
 * Chinese text reads sideways, and a title on top works the same in both languages.
 */
import { labelLookup, type Ticks } from "./scale-ticks.ts";
import { TYPE } from "./theme.ts";

/** A y axis with Node-made tick labels, `gutter` px wide, its title above the plot's top-left corner. */
export function yAxis(options: { ticks: Ticks; label: (v: number) => string; title: string | null; gutter: number; labels?: boolean }): Record<string, unknown> {
  const { ticks, gutter } = options;
  return {
    values: ticks.values,
    // Vega thins explicit values down to tickCount, which Vega-Lite sets from the height.
    tickCount: ticks.values.length,
    labelExpr: labelLookup(ticks.values, options.label),
    labels: options.labels ?? true,
    title: options.title,
    titleAngle: 0,
    titleAlign: "left",
    titleBaseline: "bottom",
    titleX: -gutter,
    titleY: -TYPE.axisLabel.size,
    minExtent: options.labels === false ? 0 : gutter,
    maxExtent: options.labels === false ? 0 : gutter,
  };
}

/** Height of one legend row, px. */
const LEGEND_ROW = 16;

/**
 * A legend in a row of its own above the y-axis title, flush with the frame's left edge (Vega's
 * "top" legends take no account of an axis title placed above the plot, and would overlap it).
 * `rise` lifts it further, over panel headers.
 */
export function topLegend(gutter: number, title: string, rise = 0): Record<string, unknown> {
  return {
    orient: "none",
    direction: "horizontal",
    legendX: -gutter,
    legendY: -(TYPE.axisLabel.size + TYPE.axisTitle.size + 10 + LEGEND_ROW + rise),
    title: title || null,
    titleOrient: "left",
  };
}
