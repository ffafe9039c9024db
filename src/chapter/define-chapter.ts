/**
 * The contract between the engine and a chapter. A chapter folder holds its data, its templates
 * per language and a `chapter.ts` whose default export is `defineChapter({...})`: the data files
 * it reads, the statistics it computes, its claims, its figures and tables (declared once each,
 * numbered by their order), its handout and any template helpers of its own. The engine knows
 * nothing else about a chapter.
 */
import type { z } from "zod";
import type { Problem } from "../errors.ts";
import type { Locale } from "../locale/locale.ts";
import type { AnySeries, Row } from "../data/define-series.ts";
import type { Catalog } from "../data/edition.ts";
import type { Dataset } from "../data/dataset.ts";
import type { ClaimDef } from "./define-claim.ts";
import type { ExhibitDef, FigureDef } from "./define-exhibit.ts";

/** What a chapter's cross-file checks get: the rows of every file and ways to report a problem. */
export interface CheckContext<R> {
  rows: R;
  catalog: Catalog;
  /** Reports a problem at a line (and column) of a series' file. */
  problem(series: string, line: number | undefined, column: string | undefined, message: string): void;
  /** Reports a missing label: every id the chapter shows needs a row in labels.csv. */
  requireLabel(series: string, line: number, column: string, key: string): void;
  /** The file of a series as users see it, e.g. `chapters/x/data/rhq.csv`. */
  fileOf(series: string): string;
}

/** A statistic of the published chapter the data recompute, in the unit it was printed in. */
export interface ReproducibleValue<S> {
  description: string;
  compute(stats: S): number;
}

/** The press handout: its prose blocks, the series its source note cites, and its chart. */
export interface HandoutDef {
  /** Prose blocks (templates/<lang>/handout/<block>.md), each placed in its slot by the layout. */
  blocks: readonly string[];
  /** Blocks that are lists, with the number of items the design allows [min, max]. */
  listLimits?: Readonly<Record<string, readonly [number, number]>>;
  /** Blocks whose bold figures get their unit in a smaller span. */
  numberBlocks?: readonly string[];
  /** Catalog entries whose sources the handout's note lists, in order. */
  series: readonly string[];
  /** The figure (or figure variant) printed on the sheet; never one drawn from illustrative data. */
  chart: string;
  /** Blocks that state findings (a claim on illustrative data there fails the build); default all. */
  findings?: readonly string[];
}

/** A template helper of the chapter's own, bound to one language. */
export type ChapterHelper = (...args: unknown[]) => unknown;

/** What a chapter's helpers see when they are created for one language. */
export interface HelperContext<S> {
  lang: string;
  stats: S;
  /** The label of an id in the document's language; throws when labels.csv has none. */
  label(key: string): string;
}

/** What a chapter's opening artwork is drawn from. */
export interface ArtworkInput<S> {
  dataset: Dataset;
  stats: S;
  lang: string;
  fonts: { serif: string; sans: string };
}

export type TableRowsOf<T extends Record<string, AnySeries>> = { [K in keyof T]: Row<T[K]["columns"]>[] };

export interface ChapterDefinition<S = unknown, T extends Record<string, AnySeries> = Record<string, AnySeries>> {
  /** A short name, e.g. "brain-drain". */
  id: string;
  /** Languages the chapter is written in, in the order editions list them (edition.yaml may narrow it). */
  languages: readonly string[];
  /** Locales of the chapter's own, for languages greenbook does not ship. */
  locales?: readonly Locale[];
  /** The data files (CSV) it reads, by key; labels.csv and published.csv are read for every chapter. */
  series: T;
  /** The `scope` block of edition.yaml (which part of each series the chapter discusses). */
  scope?: z.ZodType;
  /** Checks across rows and files, run once every file is valid. */
  check?(ctx: CheckContext<TableRowsOf<T>>): void;
  /** Every statistic the chapter prints; pure. */
  computeStats(dataset: Dataset): S;
  claims: readonly ClaimDef<S>[];
  /**
   * Which data files (series names) each top-level statistic is computed from. Claims and
   * recomputed figures inherit the provenance of the series behind the statistics they read: a
   * claim resting on illustrative data can never be stated as a finding.
   */
  lineage?: { readonly [K in keyof S & string]: readonly string[] };
  /** Sections (template names) that state the chapter's findings, e.g. its introduction; default the first. */
  findingSections?: readonly string[];
  /** How each id of published.csv is recomputed. */
  reproducible?: Readonly<Record<string, ReproducibleValue<S>>>;
  /** Figures and tables in chapter order: the order numbers them, per kind. */
  exhibits: readonly ExhibitDef<S>[];
  /** Other drawings of a figure, for other documents (a handout's compact chart). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  variants?: readonly FigureDef<S, any>[];
  /** Keys of charts.yaml's `common` block beyond the engine's own. */
  chartCommon?: z.ZodRawShape;
  /** Extra values prose templates see (lookups by id), beside `s` (the statistics) and `edition`. */
  context?(dataset: Dataset, stats: S, lang: string): Record<string, unknown>;
  /** Template helpers of the chapter's own. */
  helpers?(ctx: HelperContext<S>): Record<string, ChapterHelper>;
  handout?: HandoutDef;
  /** The opening illustration when the edition gives no image file. */
  artwork?(input: ArtworkInput<S>): string;
  /** Lines `greenbook check` prints about the statistics. */
  summary?(stats: S): string[];
}

/** A loaded chapter: its definition and where its folders are. */
export interface Chapter<S = unknown> extends ChapterDefinition<S> {
  dir: string;
  dataDir: string;
  templatesDir: string;
}

/** Declares a chapter; the default export of `chapter.ts`. */
export function defineChapter<S, T extends Record<string, AnySeries>>(definition: ChapterDefinition<S, T>): ChapterDefinition<S, T> {
  return definition;
}

/** Problems a chapter's own checks reported. */
export type ChapterProblems = Problem[];
