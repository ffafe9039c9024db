/**
 * Every statistic the chapter prints, computed from the validated data set. Pure: the same
 * Dataset always gives the same Stats. Fractions are fractions (0.27), not percentages;
 * formatting belongs to the templates.
 */
import type { Dataset } from "../../../src/data/load-dataset.ts";
import type { Scope } from "../scope.ts";
import type { TableRows } from "../series.ts";
import { growthRate, net, netMigrationRatio, share, sum, turnover } from "../../../src/stats/basic.ts";
import { rankValues } from "../../../src/stats/rank.ts";
import { welchT } from "../../../src/stats/welch.ts";

export type { Change, CityRankColumn, PopulationPoint, SchemePeriod, Stats } from "./types.ts";
import { CITY_RANK_BASIS, type Change, type CityRankColumn, type PopulationPoint, type SchemePeriod, type Stats } from "./types.ts";

export function computeStats(data: Dataset): Stats {
  const t = data.tables as unknown as TableRows;
  const total = (g: "stayed" | "joined" | "left") => t.linkedinTotals.find((r) => r.group === g)!.count;
  const stayed = total("stayed");
  const joined = total("joined");
  const left = total("left");

  const ageFlows = (["all", "top3"] as const).map((cohort) => {
    const groups = t.ageFlows
      .filter((r) => r.cohort === cohort)
      .map((r) => {
        const [ageMin, ageMax] = r.age_group.split("-").map(Number) as [number, number];
        return {
          ageGroup: r.age_group,
          ageMin,
          ageMax,
          joined: r.joined,
          left: r.left,
          stayed: r.stayed,
          net: net(r.joined, r.left),
          netRatio: netMigrationRatio(r.joined, r.left, r.stayed),
        };
      })
      .sort((a, b) => a.ageMin - b.ageMin);
    return {
      cohort,
      groups,
      outflowGroups: groups.filter((g) => g.net < 0).map((g) => g.ageGroup),
      inflowGroups: groups.filter((g) => g.net > 0).map((g) => g.ageGroup),
    };
  });

  const profileRows = t.profile.map((r) => {
    const given = r.joiner_sd !== undefined && r.leaver_sd !== undefined && r.joiner_n !== undefined && r.leaver_n !== undefined;
    const welch = given ? welchT({ mean: r.joiner, sd: r.joiner_sd!, n: r.joiner_n! }, { mean: r.leaver, sd: r.leaver_sd!, n: r.leaver_n! }).t : undefined;
    return {
      id: r.row,
      section: r.section,
      joiner: r.joiner,
      leaver: r.leaver,
      decimals: r.decimals,
      t: welch ?? r.t,
      tSource: welch !== undefined ? ("welch" as const) : r.t !== undefined ? ("published" as const) : ("none" as const),
    };
  });
  const asian = profileRows.find((r) => r.id === "asian-share");
  const nonAsian = asian
    ? { joiner: 1 - asian.joiner, leaver: 1 - asian.leaver, ratio: share(1 - asian.joiner, 1 - asian.leaver) }
    : { joiner: Number.NaN, leaver: Number.NaN, ratio: Number.NaN };

  const regionRows = t.regionFlows.map((r) => ({
    id: r.region,
    leave: r.leave,
    join: r.join,
    net: net(r.join, r.leave),
    turnover: turnover(r.join, r.leave),
    edu: { leave: r.leave_edu, join: r.join_edu, net: net(r.join_edu, r.leave_edu), turnover: turnover(r.join_edu, r.leave_edu) },
  }));
  const byNet = [...regionRows].sort((a, b) => b.net - a.net).map((r) => r.id);
  const eduByNet = [...regionRows].sort((a, b) => b.edu.net - a.edu.net).map((r) => r.id);

  const transitionTotal = sum(t.transitions.map((r) => r.count));
  const transitionRows = t.transitions.map((r) => ({ transition: r.transition, move: r.move, count: r.count, share: share(r.count, transitionTotal) }));
  const byTransition = Object.fromEntries(
    (["left", "joined", "stayed"] as const).map((tr) => {
      const rows = transitionRows.filter((r) => r.transition === tr);
      const count = sum(rows.map((r) => r.count));
      const same = sum(rows.filter((r) => r.move === "same").map((r) => r.count));
      return [tr, { count, sameCompanyShare: share(same, count) }];
    }),
  ) as Stats["transitions"]["byTransition"];

  const rankColumns = Object.keys(CITY_RANK_BASIS) as CityRankColumn[];
  const rankSource = {} as Stats["cities"]["rankSource"];
  const computedRanks = new Map<CityRankColumn, number[]>();
  for (const col of rankColumns) {
    const basis = CITY_RANK_BASIS[col];
    const values = t.cityRanks.map((r) => (r as unknown as Record<string, number | undefined>)[basis.value]);
    if (values.every((v) => v !== undefined)) {
      computedRanks.set(col, rankValues(values as number[], basis.direction, "min"));
      rankSource[col] = "computed";
    } else rankSource[col] = "published";
  }
  const cityRows = t.cityRanks.map((r, i) => ({
    id: r.city,
    users: r.users,
    ranks: Object.fromEntries(rankColumns.map((col) => [col, computedRanks.get(col)?.[i] ?? r[col]])) as Record<CityRankColumn, number | undefined>,
  }));

  const population = computePopulation(data);
  const scheme = (id: string): SchemePeriod[] =>
    t.immigration
      .filter((r) => r.scheme === id)
      .sort((a, b) => a.period_start.localeCompare(b.period_start))
      .map((r) => ({ start: r.period_start, end: r.period_end, count: r.count, approximate: r.approximate, mainlandShare: r.mainland_share === undefined ? undefined : r.mainland_share / 100 }));
  const lastTwo = (id: string) => {
    const periods = scheme(id);
    const before = periods.at(-2);
    const after = periods.at(-1);
    if (!before || !after) throw new Error(`immigration: scheme ${id} needs two periods`);
    return { before, after, ratio: share(after.count, before.count) };
  };
  const ttps = scheme("ttps").at(-1);
  if (!ttps) throw new Error("immigration: scheme ttps needs a period");

  const nl = [...t.nonlocalEmployment].sort((a, b) => a.year - b.year);
  const nlFrom = nl[0]!;
  const nlTo = nl.at(-1)!;

  const { from: rhqFrom, to: rhqTo } = (data.edition.scope as Scope).rhq;
  const rhqAt = (year: number, parent: string) => t.rhq.find((r) => r.year === year && r.parent === parent)?.count;
  const parents = [...new Set(t.rhq.filter((r) => r.parent !== "total").map((r) => r.parent))];
  const byParent = parents
    .map((parent) => ({ parent, from: rhqAt(rhqFrom, parent), to: rhqAt(rhqTo, parent) }))
    .filter((p): p is { parent: string; from: number; to: number } => p.from !== undefined && p.to !== undefined)
    .map((p) => ({ ...p, growth: growthRate(p.from, p.to) }));
  const rhqParents = new Set(byParent.map((p) => p.parent));
  const series = t.rhq
    .filter((r) => r.year >= rhqFrom && r.year <= rhqTo && rhqParents.has(r.parent))
    .map((r) => ({ year: r.year, parent: r.parent, count: r.count }))
    .sort((a, b) => a.year - b.year || a.parent.localeCompare(b.parent));

  const change = (rows: { year: number; count: number }[]): Change => {
    const sorted = [...rows].sort((a, b) => a.year - b.year);
    const from = sorted[0]!;
    const to = sorted.at(-1)!;
    return { from: { year: from.year, value: from.count }, to: { year: to.year, value: to.count }, growth: growthRate(from.count, to.count) };
  };
  const hkFr = (measure: string) => t.hkForeignResidents.filter((r) => r.measure === measure);
  const census = (place: string, measure: string) => t.mainlandCensus.filter((r) => r.place === place && r.measure === measure);
  const hk = change(hkFr("all"));
  const mainlandForeignRow = census("mainland", "foreign").sort((a, b) => b.year - a.year)[0];
  const mainlandPopRow = census("mainland", "population").sort((a, b) => b.year - a.year)[0];
  if (!mainlandForeignRow || !mainlandPopRow) throw new Error("mainland-census: needs mainland foreign and population rows");
  const hkPopNear = nearestPopulation(population.points, mainlandPopRow.year);

  const bins = t.mncGrowth.map((b) => ({ min: b.growth_min, max: b.growth_max, companies: b.companies }));
  const mncTotal = sum(bins.map((b) => b.companies));
  const grew = sum(bins.filter((b) => b.min !== undefined && b.min >= 0).map((b) => b.companies));

  return {
    flows: { stayed, joined, left, net: net(joined, left), turnover: turnover(joined, left), joinedToLeft: share(joined, left) },
    ageFlows,
    profile: { rows: profileRows, nonAsian },
    regions: { rows: regionRows, byNet, eduByNet, eduNetTotal: sum(regionRows.map((r) => r.edu.net)) },
    transitions: { rows: transitionRows, total: transitionTotal, byTransition },
    cities: { rows: cityRows, rankSource },
    population,
    immigration: { workVisas: lastTwo("work-visas"), ttps, qmas: lastTwo("qmas") },
    nonlocalEmployment: {
      from: { year: nlFrom.year, share: nlFrom.share / 100 },
      to: { year: nlTo.year, share: nlTo.share / 100 },
      changePoints: nlTo.share - nlFrom.share,
    },
    rhq: { from: rhqFrom, to: rhqTo, byParent, series },
    foreignResidents: {
      hk,
      hkExcludingHelpers: change(hkFr("excluding-domestic-helpers")),
      beijing: change(census("beijing", "foreign-and-hkmt")),
      shanghai: change(census("shanghai", "foreign-and-hkmt")),
      mainlandForeign: { year: mainlandForeignRow.year, value: mainlandForeignRow.count },
      hkShareOfMainlandForeign: share(hk.to.value, mainlandForeignRow.count),
      hkShareOfMainlandPopulation: share(hkPopNear.value, mainlandPopRow.count),
    },
    mncGrowth: {
      bins: bins.map((b) => ({ ...b, share: share(b.companies, mncTotal) })),
      total: mncTotal,
      grew,
      grewShare: share(grew, mncTotal),
    },
  };
}

function computePopulation(data: Dataset): Stats["population"] {
  const { from, to, pandemicStart } = (data.edition.scope as Scope).population;
  // Estimates of a period in the order they were published: the latest is the one in use.
  const byPeriod = new Map<string, TableRows["population"]>();
  for (const r of [...(data.tables as unknown as TableRows).population].sort((a, b) => a.released.localeCompare(b.released))) {
    byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
  }
  const all = [...byPeriod.values()]
    .map((estimates) => {
      const first = estimates[0]!;
      const last = estimates.at(-1)!;
      return {
        period: last.period,
        date: last.date,
        value: last.estimate,
        status: last.status,
        released: last.released,
        provisional: first.estimate,
        revised: last.status === "revised" ? last.estimate : undefined,
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  const dateOf = (period: string) => {
    const [when, year] = period.split("-") as [string, string];
    return `${year}-${when === "mid" ? "06-30" : "12-31"}`;
  };
  const points = all.filter((p) => p.date >= dateOf(from) && p.date <= dateOf(to));
  const before = points.filter((p) => p.date < pandemicStart);
  if (points.length < 3 || before.length === 0) throw new Error("population: the scope needs pre-pandemic points and at least three points");
  const peak = before.reduce((m, p) => (p.value > m.value ? p : m));
  const after = points.filter((p) => p.date > peak.date);
  const trough = after.reduce((m, p) => (p.value < m.value ? p : m), after[0] ?? peak);
  const latest = points.at(-1)!;
  const fall = peak.value - trough.value;
  return { points, peak, trough, latest, recovered: fall === 0 ? 1 : (latest.value - trough.value) / fall };
}

function nearestPopulation(points: PopulationPoint[], year: number): PopulationPoint {
  const target = `${year}-06-30`;
  return [...points].sort((a, b) => Math.abs(Date.parse(a.date) - Date.parse(target)) - Math.abs(Date.parse(b.date) - Date.parse(target)))[0]!;
}
