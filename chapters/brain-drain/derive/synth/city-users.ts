/**
 * Table 4 at a reduced scale: users added per city so that the derived Table 4 has
 * round(published users × scale) users per city and every published rank (bachelor's, MBA, PhD
 * and founder rates; average THE rank of bachelor's, master's and PhD schools).
 *
 * The panel's other users already sit in some cities (the sample's stayers and joiners in Hong
 * Kong, leavers in Singapore and Switzerland): their counts are read from the rows with derive's
 * rules (the deciding post-date job's place, else the profile; degrees by level and THE rank) and
 * the added users are chosen around them. Where a city's own sample already exceeds its scaled
 * count (Hong Kong below scale 0.46), the city gets round(published × scale) users on top and its
 * users cell is not at scale; its ranks still are.
 *
 * Per metric, target values follow the published ranks: a straight line from a top value at rank 0
 * to zero at rank n + 1, through the cities whose value can only move a little (their own sample
 * dominates); each value is then met in whole counts and the realised order is checked.
 */
import type { SynthRow } from "../../../../src/derive/synth/write-parquet.ts";
import type { CityMapEntry, CityRow, SynthTargets } from "./read-targets.ts";

/** What a city's users hold, summed. */
interface Tally {
  users: number;
  bachelor: number;
  mba: number;
  phd: number;
  founder: number;
  /** Sum and count of THE ranks of bachelor's, master's and PhD schools. */
  rankSum: Record<RankedLevel, number>;
  rankCount: Record<RankedLevel, number>;
}
type RankedLevel = "bachelor" | "master" | "phd";
const RANKED: readonly RankedLevel[] = ["bachelor", "master", "phd"];
const RATES = [
  ["bachelor", "bachelor_rate_rank"],
  ["mba", "mba_rate_rank"],
  ["phd", "phd_rate_rank"],
  ["founder", "founder_rate_rank"],
] as const;
const AVERAGES = [
  ["bachelor", "bachelor_the_rank"],
  ["master", "master_the_rank"],
  ["phd", "phd_the_rank"],
] as const;
const LEVEL_OF: Record<string, string> = { bachelor: "bachelor", master: "master", mba: "mba", doctor: "phd", phd: "phd" };
const emptyTally = (): Tally => ({ users: 0, bachelor: 0, mba: 0, phd: 0, founder: 0, rankSum: { bachelor: 0, master: 0, phd: 0 }, rankCount: { bachelor: 0, master: 0, phd: 0 } });

export interface CityRowsInput {
  targets: SynthTargets;
  cityMap: CityMapEntry[];
  /** The rest of the panel: positions, users and education rows in panel-rows.ts's column order. */
  positions: SynthRow[];
  users: SynthRow[];
  education: SynthRow[];
  /** derive's post_date: jobs held then place a user. */
  postDate: string;
  /** The start date of the added founders' jobs (after derive's pre_date). */
  postStart: string;
  firstUser: number;
  firstPosition: number;
  /** THE rank → rsid (the rank file has rsid = rank); an rsid for an unranked school. */
  unrankedSchool: number;
}

export interface CityRows {
  positions: SynthRow[];
  users: SynthRow[];
  education: SynthRow[];
  /** Per city: the users the derived Table 4 will show and whether that is round(published × scale). */
  usersPerCity: { city: string; users: number; scaled: boolean }[];
}

const clean = (v: unknown) => (v === null || v === undefined || String(v).trim() === "" || String(v).trim().toLowerCase() === "empty" ? null : String(v).trim());

/** Which city (ord) a user's place falls in, by the city map (first match by ord, as derive counts every match). */
function citiesOf(map: CityMapEntry[], place: { country: string | null; metro: string | null; city: string | null }): CityMapEntry[] {
  return map.filter((c) => {
    const v = place[c.field === "metro_area" ? "metro" : c.field];
    return v !== null && v.toLowerCase() === c.value.toLowerCase();
  });
}

/** Tallies the existing rows per city with derive's rules (the job open on the post date with the latest start decides). */
function tallyExisting(input: CityRowsInput, tallies: Map<string, Tally>): void {
  const postJob = new Map<number, SynthRow>();
  for (const p of input.positions) {
    const [user, , , start, end] = p as [number, number, number, string, string | null];
    if (String(start) > input.postDate || (clean(end) !== null && String(end) < input.postDate)) continue;
    const best = postJob.get(user);
    const key = (r: SynthRow) => `${clean(r[5]) === null ? 0 : 1}|${String(r[3])}|${String(r[1]).padStart(12, "0")}`;
    if (!best || key(p) > key(best)) postJob.set(user, p);
  }
  const degrees = new Map<number, SynthRow[]>();
  for (const e of input.education) {
    const user = Number(e[0]);
    if (!degrees.has(user)) degrees.set(user, []);
    degrees.get(user)!.push(e);
  }
  for (const u of input.users) {
    const id = Number(u[0]);
    const job = postJob.get(id);
    const place = { country: clean(job?.[5]) ?? clean(u[1]), metro: clean(job?.[8]) ?? clean(u[2]), city: clean(u[2]) };
    for (const c of citiesOf(input.cityMap, place)) {
      const t = tallies.get(c.city)!;
      t.users++;
      if (job && String(job[10]).toLowerCase().includes("founder")) t.founder++;
      const levels = new Map<string, number | null>();
      for (const e of degrees.get(id) ?? []) {
        const level = LEVEL_OF[String(e[2]).toLowerCase()];
        if (!level) continue;
        const rank = e[5] === null || Number(e[5]) > 1500 ? null : Number(e[5]);
        const seen = levels.get(level);
        levels.set(level, seen === undefined || seen === null ? rank : rank === null ? seen : Math.min(seen, rank));
      }
      if (levels.has("bachelor")) t.bachelor++;
      if (levels.has("mba")) t.mba++;
      if (levels.has("phd")) t.phd++;
      for (const l of RANKED) {
        const r = levels.get(l);
        if (r !== undefined && r !== null) {
          t.rankSum[l] += r;
          t.rankCount[l]++;
        }
      }
    }
  }
}

/**
 * Values strictly ordered by rank (rank 1 = `descending` ? largest : smallest), each inside its
 * city's [lo, hi]: a line through (0, top), the narrow cities' midpoints and (n + 1, bottom).
 */
function ladder(cities: { rank: number; lo: number; hi: number }[], top: number, bottom: number): number[] {
  const n = cities.length;
  const anchors: [number, number][] = [[0, top], [n + 1, bottom]];
  for (const c of cities) if (c.hi - c.lo < Math.abs(top - bottom) / 4) anchors.push([c.rank, (c.lo + c.hi) / 2]);
  anchors.sort((a, b) => a[0] - b[0]);
  return cities.map((c) => {
    let k = 0;
    while (anchors[k + 1]![0] < c.rank) k++;
    const [r0, v0] = anchors[k]!;
    const [r1, v1] = anchors[k + 1]!;
    const v = r1 === r0 ? v0 : v0 + ((v1 - v0) * (c.rank - r0)) / (r1 - r0);
    return Math.min(c.hi, Math.max(c.lo, v));
  });
}

function rankOf(row: CityRow, column: string): number {
  const r = (row as unknown as Record<string, number | undefined>)[column];
  if (r === undefined) throw new Error(`city-ranks.csv: ${row.city} has no ${column}`);
  return r;
}

/** The added users of every city (in city-map order) and the users each city will show. */
export function buildCityRows(input: CityRowsInput): CityRows {
  const { targets } = input;
  const scale = targets.choices.cities.scale;
  const published = targets.tables.cityRanks;
  const tallies = new Map(input.cityMap.map((c) => [c.city, emptyTally()]));
  tallyExisting(input, tallies);
  const plan = input.cityMap.map((c) => {
    const row = published.find((r) => r.city === c.city);
    if (!row) throw new Error(`city-ranks.csv has no row for ${c.city} (derive.yaml city_map)`);
    const target = Math.round(row.users * scale);
    const own = tallies.get(c.city)!;
    const scaled = target - own.users >= target / 2;
    const added = scaled ? target - own.users : target;
    return { map: c, row, own, added, users: own.users + added, scaled };
  });
  // Rates: added holders per metric, from 0 to all added users.
  const holders = new Map(plan.map((p) => [p.map.city, { bachelor: 0, mba: 0, phd: 0, founder: 0, master: 0 }]));
  for (const [metric, column] of RATES) {
    const cities = plan.map((p) => ({ rank: rankOf(p.row, column), lo: p.own[metric] / p.users, hi: (p.own[metric] + p.added) / p.users }));
    const values = ladder(cities, 0.6, 0);
    plan.forEach((p, i) => {
      const count = Math.min(p.added, Math.max(metric === "founder" ? 0 : 1, Math.round(values[i]! * p.users) - p.own[metric]));
      holders.get(p.map.city)![metric] = count;
    });
    checkOrder(plan.map((p, i) => ({ city: p.map.city, rank: cities[i]!.rank, value: (p.own[metric] + holders.get(p.map.city)![metric]) / p.users })), column, "desc");
  }
  for (const p of plan) holders.get(p.map.city)!.master = Math.max(1, Math.round(p.added * 0.15));
  // Average THE rank: the added holders' ranks sum to what the target average needs.
  const ranks = new Map(plan.map((p) => [p.map.city, { bachelor: [] as number[], master: [] as number[], phd: [] as number[] }]));
  for (const [level, column] of AVERAGES) {
    const cities = plan.map((p) => {
      const a = holders.get(p.map.city)![level];
      const s = p.own.rankSum[level];
      const n = p.own.rankCount[level];
      return { rank: rankOf(p.row, column), lo: (s + a) / (n + a), hi: (s + 1500 * a) / (n + a), a, s, n };
    });
    const values = ladder(cities, 40, 900);
    const realised = cities.map((c, i) => {
      const need = Math.round(values[i]! * (c.n + c.a)) - c.s;
      const list = spreadSum(need, c.a, 1, 1500);
      ranks.get(plan[i]!.map.city)![level] = list;
      return { city: plan[i]!.map.city, rank: c.rank, value: (c.s + list.reduce((x, y) => x + y, 0)) / (c.n + c.a) };
    });
    checkOrder(realised, column, "asc");
  }
  return emitRows(input, plan, holders, ranks);
}

/** `k` whole numbers in [min, max] summing to `total` (as near as the bounds allow). */
function spreadSum(total: number, k: number, min: number, max: number): number[] {
  if (k === 0) return [];
  const clamped = Math.min(max * k, Math.max(min * k, total));
  return Array.from({ length: k }, (_, i) => Math.floor(clamped / k) + (i < clamped % k ? 1 : 0));
}

function checkOrder(values: { city: string; rank: number; value: number }[], column: string, order: "asc" | "desc"): void {
  const sorted = [...values].sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    const ok = order === "desc" ? a.value > b.value : a.value < b.value;
    if (!ok) throw new Error(`synth: Table 4's ${column} cannot be met at this scale: ${a.city} (rank ${a.rank}, ${a.value}) and ${b.city} (rank ${b.rank}, ${b.value}); raise cities.scale in synth.yaml`);
  }
}

function emitRows(input: CityRowsInput, plan: { map: CityMapEntry; added: number; users: number; scaled: boolean }[], holders: Map<string, Record<"bachelor" | "mba" | "phd" | "founder" | "master", number>>, ranks: Map<string, Record<RankedLevel, number[]>>): CityRows {
  const out: CityRows = { positions: [], users: [], education: [], usersPerCity: [] };
  let user = input.firstUser;
  let position = input.firstPosition;
  const DEGREE: Record<string, string> = { bachelor: "Bachelor", master: "Master", mba: "MBA", phd: "Doctor" };
  for (const p of plan) {
    const h = holders.get(p.map.city)!;
    const r = ranks.get(p.map.city)!;
    const byCountry = p.map.field === "country";
    for (let i = 0; i < p.added; i++) {
      user++;
      out.users.push([user, byCountry ? p.map.value : "empty", byCountry ? "empty" : p.map.value, null, null, "empty"]);
      if (i < h.founder) out.positions.push([user, ++position, 1, input.postStart, null, byCountry ? p.map.value : "empty", 5_000_000 + user, 5_000_000 + user, byCountry ? "empty" : p.map.value, null, "Founder"]);
      let number = 0;
      const degree = (level: string, rank: number | null) => out.education.push([user, ++number, DEGREE[level]!, "2005-09-01", "2009-06-01", rank ?? input.unrankedSchool, `School ${rank ?? input.unrankedSchool}`]);
      if (i < h.bachelor) degree("bachelor", r.bachelor[i] ?? null);
      if (i < h.master) degree("master", r.master[i] ?? null);
      if (i < h.mba) degree("mba", null);
      if (i < h.phd) degree("phd", r.phd[i] ?? null);
    }
    out.usersPerCity.push({ city: p.map.city, users: p.users, scaled: p.scaled });
  }
  return out;
}
