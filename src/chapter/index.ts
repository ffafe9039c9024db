/**
 * What a chapter's own code may use: the contracts it declares itself with, the cell schemas of
 * its data files, and the types the engine hands it. Chapters import from here (or from an
 * engine module directly); the engine never imports from a chapter.
 */
import Handlebars from "handlebars";
import { escapeForMarkdownSource } from "../render/escape.ts";

export { defineChapter, type ArtworkInput, type Chapter, type ChapterDefinition, type ChapterHelper, type CheckContext, type HandoutDef, type HelperContext, type ReproducibleValue, type TableRowsOf } from "./define-chapter.ts";
export { defineClaim, type ClaimDef, type Facts } from "./define-claim.ts";
export { defineFigure, defineTable, type ExhibitDef, type FigureDef, type TableDef } from "./define-exhibit.ts";
export { defineSeries, type Columns, type Row, type SeriesSpec } from "../data/define-series.ts";
export { count, decimal, integer, isoDate, matching, oneOf, optional, percent, slug, text, yesNo } from "../data/cells.ts";
export { defineLocale, type Locale } from "../locale/locale.ts";
export type { Dataset } from "../data/load-dataset.ts";
export type { TableCell, TableContext, TableModel } from "../render/table-model.ts";
export { fill, labelOf, type CommonChartText, type FigureText } from "../charts/chart-text.ts";
export type { VegaLiteSpec } from "../charts/chart-frame.ts";
export { messages } from "../messages.ts";

/** Text from data made safe for a helper to return into Markdown prose (escaped, never markup). */
export function safeMarkdownText(text: string): Handlebars.SafeString {
  return new Handlebars.SafeString(escapeForMarkdownSource(text));
}
