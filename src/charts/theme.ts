/**
 * The one look every figure shares: fonts, sizes, colours, strokes. Sizes are CSS pixels of a
 * chart drawn 605 px wide and printed 160 mm wide (1 px ≈ 0.75 pt), so 11 px text prints at
 * about 8 pt. The palette is chosen by lightness first, so it reads in greyscale print; series
 * also differ by dash, marker shape or fill (solid against hollow), never by hue alone.
 */
import type { Config } from "vega-lite";
import { fontStack } from "../fonts/font-faces.ts";
import { en } from "../locale/locales/en.ts";

/** The sans stack the shared config is written with; a figure in another script gets its locale's (withFontStack). */
const DEFAULT_SANS = fontStack(en.fonts.sans, "sans-serif");
const FONT_STACKS = { sans: DEFAULT_SANS };

/** Full-width figure: 160 mm at 96 px/in. */
export const CHART_WIDTH = 605;
/**
 * A figure for a phone's column, with the book's type sizes: shown 366 px wide (a 390 px screen
 * less its margins) it is scaled up about 1.17×, so its smallest text (the 9.5 px source line)
 * reads at 11 px or more.
 */
export const NARROW_WIDTH = 300;
/** Compact figure for the one-page handout: 80 mm. */
export const COMPACT_WIDTH = 302;
/** Width left of the plot for y-axis labels, the same in every full-width figure so plots line up. */
export const GUTTER = 40;

/** Font sizes (px) and line heights used by the chart chrome. */
export const TYPE = {
  title: { size: 14, lineHeight: 18, weight: 700 },
  subtitle: { size: 11.5, lineHeight: 15, weight: 400 },
  mark: { size: 11, lineHeight: 14, weight: 700 },
  axisLabel: { size: 11, weight: 400 },
  axisTitle: { size: 11.5, weight: 700 },
  legend: { size: 11, weight: 400 },
  annotation: { size: 10.5, lineHeight: 13, weight: 400 },
  // 10.7 px prints at 8 pt: sources and notes no smaller than Chinese small print may be.
  footer: { size: 10.7, lineHeight: 14, weight: 400 },
} as const;

/** Colours, each with its greyscale lightness (CIE L*) in the comment. */
export const PALETTE = {
  ink: "#1a1a1a", // L* 9
  muted: "#4d4d4d", // L* 33
  rule: "#8c8c8c", // L* 59
  grid: "#e4e4e4", // L* 91
  /** Main series, and "fell / outflow": dark. */
  dark: "#1f4e79", // L* 32
  /** Second series: mid. */
  mid: "#c8702a", // L* 57
  /** Third series, and "grew / inflow" fills: light (drawn with a dark outline). */
  light: "#9cc3e0", // L* 77
  /** The illustrative-data mark. */
  warn: "#a4262c", // L* 37
  background: "#ffffff",
} as const;

/** Per series: colour, dash and marker shape, so series separate without colour; labels use a darker `text` colour where the line is light. */
export const SERIES_STYLES = [
  { color: "#1b3b5a", text: "#1b3b5a", dash: [] as number[], shape: "circle" }, // L* 24
  { color: "#b5651d", text: "#a35a19", dash: [2, 2], shape: "square" }, // L* 51 (text 46)
  { color: "#7fb0d8", text: "#3d79ad", dash: [7, 3], shape: "triangle-up" }, // L* 70 (text 49)
  { color: PALETTE.rule, text: PALETTE.muted, dash: [8, 2, 2, 2], shape: "diamond" }, // L* 58 (text 33)
] as const;

/** Vega-Lite config shared by every figure. */
export const CHART_CONFIG: Config = {
  font: FONT_STACKS.sans,
  background: PALETTE.background,
  padding: { left: 4, right: 8, top: 6, bottom: 4 },
  view: { stroke: null },
  concat: { spacing: 10 },
  axis: {
    labelFont: FONT_STACKS.sans,
    labelFontSize: TYPE.axisLabel.size,
    labelColor: PALETTE.ink,
    titleFont: FONT_STACKS.sans,
    titleFontSize: TYPE.axisTitle.size,
    titleFontWeight: TYPE.axisTitle.weight,
    titleColor: PALETTE.ink,
    domainColor: PALETTE.muted,
    tickColor: PALETTE.muted,
    gridColor: PALETTE.grid,
    labelPadding: 3,
    titlePadding: 6,
  },
  axisX: { grid: false },
  axisY: { grid: true, domain: false, ticks: false },
  legend: {
    labelFont: FONT_STACKS.sans,
    labelFontSize: TYPE.legend.size,
    labelColor: PALETTE.ink,
    titleFont: FONT_STACKS.sans,
    titleFontSize: TYPE.legend.size,
    titleFontWeight: 700,
    titleColor: PALETTE.ink,
    orient: "top",
    direction: "horizontal",
    symbolSize: 90,
    symbolStrokeWidth: 1.5,
    columnPadding: 14,
    offset: 6,
    padding: 0,
  },
  header: {
    labelFont: FONT_STACKS.sans,
    labelFontSize: TYPE.subtitle.size,
    labelFontWeight: 700,
    labelColor: PALETTE.ink,
    titleFontSize: 0,
  },
  text: { font: FONT_STACKS.sans, fontSize: TYPE.annotation.size, color: PALETTE.ink },
  bar: { stroke: PALETTE.dark, strokeWidth: 0.8 },
  line: { strokeWidth: 2 },
  point: { size: 40, strokeWidth: 1.5 },
};

/** A spec whose fonts are the given families' stack instead of the shared config's. */
export function withFontStack<T extends object>(spec: T, families: readonly string[]): T {
  const stack = fontStack(families, "sans-serif");
  if (stack === DEFAULT_SANS) return spec;
  const swap = (v: unknown): unknown =>
    v === DEFAULT_SANS ? stack : Array.isArray(v) ? v.map(swap) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)])) : v;
  return swap(spec) as T;
}
/** Weights the charts draw with. */
export const CHART_FONT_WEIGHTS = [400, 700] as const;
