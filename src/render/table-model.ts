/**
 * A table as the `table` partial draws it: headers in the edition's language with the secondary
 * language beneath, cells already formatted, footnotes attached to rows. A chapter's table builds
 * its model with the helpers of a TableContext.
 */
import { TemplateError } from "../errors.ts";
import type { Dataset } from "../data/dataset.ts";
import { formatNumber } from "./format-number.ts";
/** The parts of an exhibit's text (exhibits.yaml) a table uses. */
type ExhibitText = Record<string, { columns?: Record<string, string>; spanners?: Record<string, string> } | undefined>;

export interface Bilingual {
  primary: string;
  secondary: string;
}

export interface TableCell {
  text: string;
  /** Numeric cells are right-aligned with tabular figures. */
  numeric: boolean;
  /** A sub-value in brackets, e.g. the highly educated subset. */
  sub?: string;
  /** The same text in the secondary language, for bilingual text cells. */
  secondary?: string;
}

export interface TableRow {
  id: string;
  header: Bilingual;
  /** Rendered footnote (trusted HTML from our Markdown) attached to the row header. */
  noteHtml: string;
  cells: TableCell[];
}

export interface TableColumn extends Bilingual {
  numeric: boolean;
  /** Its cells carry a bracketed sub-value, set in a column of its own under the same header. */
  sub?: boolean;
}

/** A head over `span` adjacent columns; without a label it only fills the row above columns that have none. */
export interface TableSpanner {
  label?: Bilingual;
  span: number;
}

export interface TableModel {
  id: string;
  /** Header cells, first the row-header column. */
  columns: TableColumn[];
  /** A row of spanner heads above the column heads, covering every column (a column with a bracketed sub-value counts once). */
  spanners?: TableSpanner[];
  groups: { header?: Bilingual; rows: TableRow[] }[];
}

/** What a chapter's table builder gets for one table in one language. */
export interface TableContext {
  lang: string;
  /** The language printed beneath headers. */
  secondary: string;
  /** Header cells from exhibits.yaml's `columns`, in both languages; the first `textColumns` are text. */
  columns(ids: readonly string[], textColumns?: number): TableModel["columns"];
  /** Spanner heads from exhibits.yaml's `spanners`: each group id (or null for columns under no spanner) with how many columns it covers. */
  spanners(groups: readonly (readonly [string | null, number])[]): TableSpanner[];
  /** A label in both languages. */
  bilingual(key: string): Bilingual;
  /** The rendered footnote of a row (exhibits.yaml `rowNotes`), or "". */
  rowNote(row: string): string;
  /** A numeric cell. */
  number(value: number, decimals?: number): TableCell;
}

/** Builds the TableContext of table `id` in `lang`. */
export function createTableContext(input: {
  id: string;
  dataset: Dataset;
  lang: string;
  secondary: string;
  texts: Record<string, ExhibitText>;
  rowNote: (row: string) => string | undefined;
}): TableContext {
  const { id, dataset, lang, secondary, texts } = input;
  return {
    lang,
    secondary,
    columns: (ids, textColumns = 1) =>
      ids.map((col, i) => {
        const primary = texts[lang]?.[id]?.columns?.[col];
        const other = texts[secondary]?.[id]?.columns?.[col];
        if (primary === undefined || other === undefined) throw new TemplateError(`exhibits.yaml: ${id}.columns.${col} is missing in ${primary === undefined ? lang : secondary}`);
        return { primary, secondary: other, numeric: i >= textColumns };
      }),
    spanners: (groups) =>
      groups.map(([group, span]) => {
        if (group === null) return { span };
        const primary = texts[lang]?.[id]?.spanners?.[group];
        const other = texts[secondary]?.[id]?.spanners?.[group];
        if (primary === undefined || other === undefined) throw new TemplateError(`exhibits.yaml: ${id}.spanners.${group} is missing in ${primary === undefined ? lang : secondary}`);
        return { label: { primary, secondary: other }, span };
      }),
    bilingual: (key) => {
      const l = dataset.labels.get(key);
      if (!l) throw new TemplateError(`no label "${key}" in the data's labels.csv`);
      return { primary: l[lang]!, secondary: l[secondary]! };
    },
    rowNote: (row) => input.rowNote(row) ?? "",
    number: (value, decimals = 0) => ({ text: formatNumber(value, lang, decimals), numeric: true }),
  };
}
