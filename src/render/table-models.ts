/**
 * The chapter's four tables as models: headers in both languages, cells already formatted for
 * the edition's language, footnotes attached to rows. The `table` partial turns a model into HTML.
 */
import type { Dataset } from "../data/load-dataset.ts";
import type { Lang } from "../data/edition.ts";
import { TemplateError } from "../errors.ts";
import type { CityRankColumn, Stats } from "../stats/compute-stats.ts";
import { formatNumber, formatPercent } from "./format-number.ts";
import type { ExhibitText } from "./load-templates.ts";

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
  /** The same text in the other language, for bilingual text cells. */
  secondary?: string;
}

export interface TableRow {
  id: string;
  header: Bilingual;
  /** Rendered footnote (trusted HTML from our Markdown) attached to the row header. */
  noteHtml: string;
  cells: TableCell[];
}

export interface TableModel {
  id: string;
  /** Header cells, first the row-header column. */
  columns: (Bilingual & { numeric: boolean })[];
  groups: { header?: Bilingual; rows: TableRow[] }[];
}

type Texts = Record<Lang, ExhibitText>;

function other(lang: Lang): Lang {
  return lang === "zh-HK" ? "en" : "zh-HK";
}

function columns(texts: Texts, lang: Lang, table: string, ids: readonly string[], textColumns = 1): TableModel["columns"] {
  return ids.map((id, i) => {
    const primary = texts[lang][table]?.columns?.[id];
    const secondary = texts[other(lang)][table]?.columns?.[id];
    if (primary === undefined || secondary === undefined) throw new TemplateError(`exhibits.yaml: ${table}.columns.${id} is missing in ${primary === undefined ? lang : other(lang)}`);
    return { primary, secondary, numeric: i >= textColumns };
  });
}

function bilingual(dataset: Dataset, key: string, lang: Lang): Bilingual {
  const l = dataset.labels.get(key);
  if (!l) throw new TemplateError(`no label "${key}" in the data's labels.csv`);
  return { primary: l[lang], secondary: l[other(lang)] };
}

const n = (value: number, lang: Lang, decimals = 0): TableCell => ({ text: formatNumber(value, lang, decimals), numeric: true });

/** Builds all four tables. `rowNote(table, row)` renders a row footnote, if the templates have one. */
export function buildTableModels(input: {
  dataset: Dataset;
  stats: Stats;
  lang: Lang;
  texts: Texts;
  rowNote: (table: string, row: string) => string | undefined;
}): Record<"table1" | "table2" | "table3" | "table4", TableModel> {
  const { dataset, stats, lang, texts, rowNote } = input;

  const sections = [...new Set(stats.profile.rows.map((r) => r.section))];
  const table1: TableModel = {
    id: "table1",
    columns: columns(texts, lang, "table1", ["row", "joiner", "leaver", "t"]),
    groups: sections.map((section) => ({
      header: bilingual(dataset, `section:${section}`, lang),
      rows: stats.profile.rows
        .filter((r) => r.section === section)
        .map((r) => ({
          id: r.id,
          header: bilingual(dataset, `profile:${r.id}`, lang),
          noteHtml: rowNote("table1", r.id) ?? "",
          cells: [n(r.joiner, lang, r.decimals), n(r.leaver, lang, r.decimals), r.t === undefined ? { text: "", numeric: true } : n(r.t, lang, 2)],
        })),
    })),
  };

  const withSub = (all: number, edu: number, signed = false): TableCell => ({
    text: formatNumber(all, lang, 0, { signed }),
    sub: formatNumber(edu, lang, 0, { signed }),
    numeric: true,
  });
  const table2: TableModel = {
    id: "table2",
    columns: columns(texts, lang, "table2", ["region", "leave", "join", "net", "turnover"]),
    groups: [
      {
        rows: stats.regions.rows.map((r) => ({
          id: r.id,
          header: bilingual(dataset, `region:${r.id}`, lang),
          noteHtml: "",
          cells: [withSub(r.leave, r.edu.leave), withSub(r.join, r.edu.join), withSub(r.net, r.edu.net), withSub(r.turnover, r.edu.turnover)],
        })),
      },
    ],
  };

  const table3: TableModel = {
    id: "table3",
    columns: columns(texts, lang, "table3", ["transition", "move", "count", "share"], 2),
    groups: [
      {
        rows: stats.transitions.rows.map((r) => {
          const move = bilingual(dataset, `move:${r.move}`, lang);
          return {
            id: `${r.transition}-${r.move}`,
            header: bilingual(dataset, `transition:${r.transition}`, lang),
            noteHtml: "",
            cells: [
              { text: move.primary, numeric: false, secondary: move.secondary },
              n(r.count, lang),
              { text: formatPercent(r.share, lang, 2).replace("%", ""), numeric: true },
            ],
          };
        }),
      },
    ],
  };

  const rankCols: CityRankColumn[] = ["bachelor_rate_rank", "mba_rate_rank", "phd_rate_rank", "founder_rate_rank", "bachelor_the_rank", "master_the_rank", "phd_the_rank"];
  const table4: TableModel = {
    id: "table4",
    columns: columns(texts, lang, "table4", ["city", "users", ...rankCols]),
    groups: [
      {
        rows: stats.cities.rows.map((c) => ({
          id: c.id,
          header: bilingual(dataset, `city:${c.id}`, lang),
          noteHtml: "",
          cells: [n(c.users, lang), ...rankCols.map((col) => (c.ranks[col] === undefined ? { text: "", numeric: true } : n(c.ranks[col]!, lang)))],
        })),
      },
    ],
  };
  return { table1, table2, table3, table4 };
}
