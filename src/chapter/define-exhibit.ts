/**
 * Figures and tables, each declared once: its id (the key of its captions in exhibits.yaml and
 * of `{{ref}}`), the data series it is drawn from (its source line and provenance), and how it is
 * made. Its number comes from its place in the chapter's `exhibits`.
 */
import type { z } from "zod";
import type { VegaLiteSpec } from "../charts/chart-frame.ts";
import type { FigureLayout } from "../charts/figure-layout.ts";
import type { FigureText } from "../charts/figure-text.ts";
import type { TableContext, TableModel } from "../render/table-model.ts";

export interface FigureDef<S = unknown, X = Record<string, unknown>> {
  kind: "figure";
  id: string;
  /** Catalog entry of the series it is drawn from. */
  series: string;
  /** Schema of its block in charts.yaml; a variant that shares another figure's wording omits it. */
  text?: z.ZodType;
  /** Builds the Vega-Lite spec for `layout` (default the book's); pure. A figure may ignore the layout. */
  spec(stats: S, text: FigureText<X>, lang: string, layout?: FigureLayout): VegaLiteSpec;
  /** What the figure shows, in prose (alt text and description); pure. */
  describe(stats: S, text: FigureText<X>, lang: string): string;
}

export interface TableDef<S = unknown> {
  kind: "table";
  id: string;
  /** Catalog entry of the series it is made from. */
  series: string;
  /** Builds the table's model: headers in both languages, cells formatted. */
  build(stats: S, ctx: TableContext): TableModel;
}

export type ExhibitDef<S = unknown> = FigureDef<S, any> | TableDef<S>;

export function defineFigure<S, X = Record<string, unknown>>(def: Omit<FigureDef<S, X>, "kind">): FigureDef<S, X> {
  return { kind: "figure", ...def };
}

export function defineTable<S>(def: Omit<TableDef<S>, "kind">): TableDef<S> {
  return { kind: "table", ...def };
}

/** An exhibit with its number (per kind, in chapter order). */
export interface NumberedExhibit<S = unknown> {
  def: ExhibitDef<S>;
  id: string;
  kind: "figure" | "table";
  number: number;
  series: string;
}

/** Numbers the exhibits: figures 1, 2, … and tables 1, 2, … in the order given. */
export function numberExhibits<S>(exhibits: readonly ExhibitDef<S>[]): NumberedExhibit<S>[] {
  const counters = { figure: 0, table: 0 };
  return exhibits.map((def) => ({ def, id: def.id, kind: def.kind, number: ++counters[def.kind], series: def.series }));
}
