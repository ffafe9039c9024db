/**
 * The frame every figure sits in: a header (title, subtitle, and the illustrative-data mark when
 * the series is illustrative), the figure's body, and a footer (notes, then the source line).
 * Header and footer are drawn as text marks so the exported PNG carries them too; they start at
 * the left edge of the y-axis gutter (a fixed width, so the frame can line up with it).
 */
import type { TopLevelSpec } from "vega-lite";
import { ChartError } from "../errors.ts";
import { fill, type FigureText } from "./chart-text.ts";
import { CHART_CONFIG, PALETTE, TYPE } from "./theme.ts";
import { estimateWidth, wrapText } from "./wrap-text.ts";

/** A Vega-Lite specification of one figure, ready to compile. */
export type VegaLiteSpec = TopLevelSpec;

/** Any Vega-Lite view (unit, layer or concat) without top-level properties. */
export type ViewSpec = Record<string, unknown>;

export interface FrameInput {
  id: string;
  text: FigureText<unknown>;
  /** Total width of the figure, px. */
  width: number;
  /** Width reserved left of the plot for y-axis labels, px (the body's axes use it as their extent). */
  gutter: number;
  title: string;
  subtitle?: string;
  /** Notes printed above the source line, each already worded. */
  notes?: string[];
  body: ViewSpec;
}

/** Wraps a figure body in header and footer and returns the complete spec. */
export function frameChart(input: FrameInput): VegaLiteSpec {
  const { text, width, gutter } = input;
  const source = text.sources[input.id];
  if (!source) throw new ChartError(`${input.id}: no source known for this figure`);
  const x0 = -gutter;
  const layers: ViewSpec[] = [];
  let y = 0;

  const mark = source.illustrative ? text.common.illustrativeMark : undefined;
  const markWidth = mark ? estimateWidth(mark, TYPE.mark.size, true) + 12 : 0;
  if (text.showTitle) {
    const titleLines = wrapText(input.title, width - markWidth, TYPE.title.size, true);
    layers.push(textLayer(titleLines, x0, y, TYPE.title, PALETTE.ink, "left", "title"));
    y += titleLines.length * TYPE.title.lineHeight + 2;
  }
  if (mark) layers.push(textLayer([mark], x0 + width, text.showTitle ? 2 : 1, TYPE.mark, PALETTE.warn, "right", "illustrative-mark"));
  if (input.subtitle) {
    // Without a title the subtitle shares its line with the mark.
    const lines = wrapText(input.subtitle, width - (text.showTitle ? 0 : markWidth), TYPE.subtitle.size);
    layers.push(textLayer(lines, x0, y, TYPE.subtitle, PALETTE.muted, "left", "subtitle"));
    y += lines.length * TYPE.subtitle.lineHeight;
  } else if (!text.showTitle && mark) y += TYPE.mark.lineHeight;
  const header = { name: `${input.id}-header`, width: width - gutter, height: Math.ceil(y), data: { values: [{}] }, layer: layers };

  const footerLines = [
    ...(input.notes ?? []).flatMap((note) => wrapText(fill(text.common.note, { note }), width, TYPE.footer.size)),
    ...wrapText(fill(text.common.source, { source: source.source }), width, TYPE.footer.size),
  ];
  const footer = {
    name: `${input.id}-footer`,
    width: width - gutter,
    height: Math.ceil(footerLines.length * TYPE.footer.lineHeight),
    data: { values: [{}] },
    layer: [textLayer(footerLines, x0, 0, TYPE.footer, PALETTE.muted, "left", "source")],
  };

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: CHART_CONFIG,
    autosize: { type: "pad" },
    spacing: 12,
    bounds: "full",
    // Keep each legend with its own view (a shared legend would float above the header).
    resolve: { legend: { fill: "independent", color: "independent", shape: "independent", strokeDash: "independent" } },
    // A figure without title, subtitle or mark (a caption above it says it all) has no header.
    vconcat: layers.length ? [header, input.body, footer] : [input.body, footer],
    // The width the layout was planned for; the renderer fails a chart drawn wider than this.
    usermeta: { plannedWidth: width },
  } as unknown as VegaLiteSpec;
}

function textLayer(
  lines: string[],
  x: number,
  y: number,
  type: { size: number; lineHeight: number; weight: number },
  color: string,
  align: "left" | "right",
  role: string,
): ViewSpec {
  return {
    name: role,
    mark: {
      type: "text",
      align,
      baseline: "top",
      fontSize: type.size,
      lineHeight: type.lineHeight,
      fontWeight: type.weight,
      color,
      aria: role === "illustrative-mark",
    },
    encoding: { x: { value: x }, y: { value: y }, text: { value: lines.length === 1 ? lines[0] : lines } },
  };
}
