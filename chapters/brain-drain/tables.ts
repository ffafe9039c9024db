/**
 * The chapter's four tables, each declared once: the series it is made from and how its model is
 * built (headers in both languages, cells formatted for the edition's language, row footnotes).
 */
import { defineTable, type TableCell, type TableModel } from "../../src/chapter/index.ts";
import { formatNumber, formatPercent } from "../../src/render/format-number.ts";
import type { CityRankColumn, Stats } from "./stats/compute-stats.ts";

/**
 * Decimals a profile value is printed with: the row's, except that a whole number is printed
 * whole, as the published chapter does (200 connections, not 200.00).
 */
export function printedDecimals(value: number, decimals: number): number {
  return Number.isInteger(value) ? 0 : decimals;
}

export const table1 = defineTable<Stats>({
  id: "table1",
  series: "profile",
  build: (stats, t) => {
    const sections = [...new Set(stats.profile.rows.map((r) => r.section))];
    return {
      id: "table1",
      columns: t.columns(["row", "joiner", "leaver", "t"]),
      groups: sections.map((section) => ({
        header: t.bilingual(`section:${section}`),
        rows: stats.profile.rows
          .filter((r) => r.section === section)
          .map((r) => ({
            id: r.id,
            header: t.bilingual(`profile:${r.id}`),
            noteHtml: t.rowNote(r.id),
            cells: [t.number(r.joiner, printedDecimals(r.joiner, r.decimals)), t.number(r.leaver, printedDecimals(r.leaver, r.decimals)), r.t === undefined ? { text: "", numeric: true } : t.number(r.t, 2)],
          })),
      })),
    };
  },
});

export const table2 = defineTable<Stats>({
  id: "table2",
  series: "region-flows",
  build: (stats, t): TableModel => {
    const withSub = (all: number, edu: number, signed = false): TableCell => ({
      text: formatNumber(all, t.lang, 0, { signed }),
      sub: formatNumber(edu, t.lang, 0, { signed }),
      numeric: true,
    });
    return {
      id: "table2",
      // The highly educated counts, in brackets, align in columns of their own.
      columns: t.columns(["region", "leave", "join", "net", "turnover"]).map((c) => (c.numeric ? { ...c, sub: true } : c)),
      groups: [
        {
          rows: stats.regions.rows.map((r) => ({
            id: r.id,
            header: t.bilingual(`region:${r.id}`),
            noteHtml: t.rowNote(r.id),
            cells: [withSub(r.leave, r.edu.leave), withSub(r.join, r.edu.join), withSub(r.net, r.edu.net), withSub(r.turnover, r.edu.turnover)],
          })),
        },
      ],
    };
  },
});

export const table3 = defineTable<Stats>({
  id: "table3",
  series: "transitions",
  build: (stats, t) => ({
    id: "table3",
    columns: t.columns(["transition", "move", "count", "share"], 2),
    groups: [
      {
        rows: stats.transitions.rows.map((r) => {
          const move = t.bilingual(`move:${r.move}`);
          return {
            id: `${r.transition}-${r.move}`,
            header: t.bilingual(`transition:${r.transition}`),
            noteHtml: t.rowNote(`${r.transition}-${r.move}`),
            cells: [{ text: move.primary, numeric: false, secondary: move.secondary }, t.number(r.count), { text: formatPercent(r.share, t.lang, 2).replace("%", ""), numeric: true }],
          };
        }),
      },
    ],
  }),
});

const RANK_COLUMNS: CityRankColumn[] = ["bachelor_rate_rank", "mba_rate_rank", "phd_rate_rank", "founder_rate_rank", "bachelor_the_rank", "master_the_rank", "phd_the_rank"];

export const table4 = defineTable<Stats>({
  id: "table4",
  series: "city-ranks",
  build: (stats, t) => ({
    id: "table4",
    columns: t.columns(["city", "users", ...RANK_COLUMNS]),
    // Four ranks by the share of users with a degree or a company, three by the universities' THE rank.
    spanners: t.spanners([[null, 2], ["rates", 4], ["the", 3]]),
    groups: [
      {
        rows: stats.cities.rows.map((c) => ({
          id: c.id,
          header: t.bilingual(`city:${c.id}`),
          noteHtml: t.rowNote(c.id),
          cells: [t.number(c.users), ...RANK_COLUMNS.map((col) => (c.ranks[col] === undefined ? { text: "", numeric: true } : t.number(c.ranks[col]!)))],
        })),
      },
    ],
  }),
});
