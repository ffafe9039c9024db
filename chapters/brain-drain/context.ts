/**
 * What this chapter's prose templates see beside the statistics (`s`): lookups by id (`region.us`,
 * `city.singapore`…), and two helpers of its own: `{{regions "inflow" 3}}` lists the regions
 * with the largest net inflow or outflow, `{{ages "all" "outflow"}}` the age groups of a cohort.
 */
import { safeMarkdownText, type ChapterHelper, type HelperContext } from "../../src/chapter/index.ts";
import { TemplateError } from "../../src/errors.ts";
import { localeOf } from "../../src/locale/locale-of.ts";
import { formatList, formatPeople } from "../../src/render/format-number.ts";
import type { Stats } from "./stats/compute-stats.ts";

export function templateContext(stats: Stats): Record<string, unknown> {
  const byId = <T, K extends keyof T>(rows: readonly T[], key: K) => Object.fromEntries(rows.map((r) => [String(r[key]), r])) as Record<string, T>;
  return {
    region: byId(stats.regions.rows, "id"),
    profile: byId(stats.profile.rows, "id"),
    rhq: byId(stats.rhq.byParent, "parent"),
    city: byId(stats.cities.rows, "id"),
    transition: stats.transitions.byTransition,
    cohort: byId(stats.ageFlows, "cohort"),
  };
}

export function templateHelpers(ctx: HelperContext<Stats>): Record<string, ChapterHelper> {
  const { lang, stats } = ctx;
  return {
    /**
     * Regions with net inflow ("inflow") or outflow ("outflow"), largest first; `edu=true` for the
     * highly educated, `counts=true` to give each region's net flow in brackets. In English a name
     * such as "United States" takes its article ("the United States").
     */
    regions: (...all: unknown[]) => {
      const options = all.at(-1) as { hash: Record<string, unknown> };
      const which = String(all[0]);
      const n = typeof all[1] === "number" ? all[1] : 3;
      const items = regionRows(stats, which, n, options.hash.edu === true).map(({ id, net }) => {
        const name = ctx.label(`region:${id}`);
        const named = localeOf(lang).script === "latin" && /^United /.test(name) ? `the ${name}` : name;
        if (options.hash.counts !== true) return named;
        const count = formatPeople(Math.abs(net), lang);
        return localeOf(lang).script === "han" ? `${named}（${count}）` : `${named} (${count})`;
      });
      return safeMarkdownText(formatList(items, lang));
    },
    /** Age groups with net outflow or inflow for a cohort. */
    ages: (cohort: unknown, which: unknown) => {
      const c = stats.ageFlows.find((x) => x.cohort === cohort);
      if (!c) throw new TemplateError(`no cohort "${String(cohort)}"`);
      return formatAgeGroups(which === "outflow" ? c.outflowGroups : c.inflowGroups, lang);
    },
  };
}

function regionRows(stats: Stats, which: string, n: number, edu: boolean): { id: string; net: number }[] {
  const rows = stats.regions.rows.map((r) => ({ id: r.id, net: edu ? r.edu.net : r.net }));
  if (which === "inflow") return rows.filter((r) => r.net > 0).sort((a, b) => b.net - a.net).slice(0, n);
  if (which === "outflow") return rows.filter((r) => r.net < 0).sort((a, b) => a.net - b.net).slice(0, n);
  throw new TemplateError(`expected "inflow" or "outflow", got "${which}"`);
}

/** "20-24","25-29" → "20–24、25–29歲" / "20–24 and 25–29". */
export function formatAgeGroups(groups: readonly string[], lang: string): string {
  const items = formatList(groups.map((g) => g.replace("-", "–")), lang);
  return lang.startsWith("zh") ? `${items}歲` : items;
}
