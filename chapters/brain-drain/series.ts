/** The schema of every CSV file of the chapter's data folder: one declaration per file. */
import { count, decimal, defineSeries, integer, isoDate, matching, oneOf, optional, percent, slug, yesNo, type TableRowsOf } from "../../src/chapter/index.ts";

export const linkedinTotals = defineSeries({
  name: "linkedin-totals",
  columns: { group: oneOf(["stayed", "joined", "left"] as const), count: count() },
  key: ["group"],
  requiredRows: [{ match: { group: "stayed" } }, { match: { group: "joined" } }, { match: { group: "left" } }],
});

export const ageFlows = defineSeries({
  name: "age-flows",
  columns: { cohort: oneOf(["all", "top3"] as const), age_group: ageGroup(), joined: count(), left: count(), stayed: count() },
  key: ["cohort", "age_group"],
});

export const profile = defineSeries({
  name: "profile",
  columns: {
    row: slug(),
    section: oneOf(["the-rank", "other"] as const),
    joiner: decimal(),
    leaver: decimal(),
    t: optional(decimal()),
    decimals: integer(0, 6),
    joiner_sd: optional(decimal(0)),
    leaver_sd: optional(decimal(0)),
    joiner_n: optional(count(2)),
    leaver_n: optional(count(2)),
  },
  optional: ["joiner_sd", "leaver_sd", "joiner_n", "leaver_n"],
  key: ["row"],
});

export const regionFlows = defineSeries({
  name: "region-flows",
  columns: { region: slug(), leave: count(), join: count(), leave_edu: count(), join_edu: count() },
  key: ["region"],
});

export const transitions = defineSeries({
  name: "transitions",
  columns: { transition: oneOf(["left", "joined", "stayed"] as const), move: oneOf(["different", "same"] as const), count: count() },
  key: ["transition", "move"],
});

const rank = optional(count(1));
const rate = optional(decimal(0));
export const cityRanks = defineSeries({
  name: "city-ranks",
  columns: {
    city: slug(),
    users: count(),
    bachelor_rate_rank: rank,
    mba_rate_rank: rank,
    phd_rate_rank: rank,
    founder_rate_rank: rank,
    bachelor_the_rank: rank,
    master_the_rank: rank,
    phd_the_rank: rank,
    bachelor_rate: rate,
    mba_rate: rate,
    phd_rate: rate,
    founder_rate: rate,
    bachelor_the_avg: rate,
    master_the_avg: rate,
    phd_the_avg: rate,
  },
  optional: ["bachelor_rate", "mba_rate", "phd_rate", "founder_rate", "bachelor_the_avg", "master_the_avg", "phd_the_avg"],
  key: ["city"],
});

export const population = defineSeries({
  name: "population",
  columns: {
    period: matching(/^(mid|end)-\d{4}$/, "a reference point such as mid-2023 or end-2019"),
    date: isoDate(),
    estimate: count(1),
    status: oneOf(["provisional", "revised"] as const),
    released: isoDate(),
  },
  key: ["period", "status"],
  released: "released",
});

export const immigration = defineSeries({
  name: "immigration",
  columns: {
    scheme: slug(),
    period_start: isoDate(),
    period_end: isoDate(),
    count: count(),
    approximate: yesNo(),
    mainland_share: optional(percent()),
  },
  key: ["scheme", "period_start", "period_end"],
  requiredRows: [{ match: { scheme: "work-visas" }, count: 2 }, { match: { scheme: "ttps" } }, { match: { scheme: "qmas" }, count: 2 }],
});

export const nonlocalEmployment = defineSeries({
  name: "nonlocal-employment",
  columns: { year: integer(1900, 2100), share: percent() },
  key: ["year"],
  requiredRows: [{ match: {}, describe: "for at least one year" }],
});

export const rhq = defineSeries({
  name: "rhq",
  columns: { year: integer(1900, 2100), parent: slug(), count: count() },
  key: ["year", "parent"],
});

export const hkForeignResidents = defineSeries({
  name: "hk-foreign-residents",
  columns: { year: integer(1900, 2100), measure: oneOf(["all", "excluding-domestic-helpers"] as const), count: count() },
  key: ["year", "measure"],
  requiredRows: [{ match: { measure: "all" } }, { match: { measure: "excluding-domestic-helpers" } }],
});

export const mainlandCensus = defineSeries({
  name: "mainland-census",
  columns: { place: slug(), year: integer(1900, 2100), measure: oneOf(["foreign-and-hkmt", "foreign", "population"] as const), count: count() },
  key: ["place", "year", "measure"],
  requiredRows: [
    { match: { place: "mainland", measure: "foreign" } },
    { match: { place: "mainland", measure: "population" } },
    { match: { place: "beijing", measure: "foreign-and-hkmt" } },
    { match: { place: "shanghai", measure: "foreign-and-hkmt" } },
  ],
});

export const mncGrowth = defineSeries({
  name: "mnc-growth",
  columns: { growth_min: optional(decimal(-100)), growth_max: optional(decimal(-100)), companies: count() },
  key: ["growth_min", "growth_max"],
});

/** Every CSV file the chapter needs, in the order they are checked. */
export const tables = {
  linkedinTotals,
  ageFlows,
  profile,
  regionFlows,
  transitions,
  cityRanks,
  population,
  immigration,
  nonlocalEmployment,
  rhq,
  hkForeignResidents,
  mainlandCensus,
  mncGrowth,
} as const;

export type Tables = typeof tables;
export type TableRows = TableRowsOf<Tables>;

function ageGroup() {
  return matching(/^\d{2}-\d{2}$/, "a five-year age group such as 25-29");
}
