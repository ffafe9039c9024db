/**
 * The synthetic people as Revelio-shaped rows: positions (text dates, 'empty' placeholders),
 * users and education, plus the decoy users the sample rules must drop and the foreign staff
 * that make each multinational one.
 */
import type { SynthRow } from "../../../../src/derive/synth/write-parquet.ts";
import type { Level, Person } from "./build-people.ts";
import { buildCityRows } from "./city-users.ts";
import type { SynthTargets } from "./read-targets.ts";

export const POSITION_COLUMNS = [["user_id", "bigint"], ["position_id", "bigint"], ["position_number", "bigint"], ["startdate", "varchar"], ["enddate", "varchar"], ["country", "varchar"], ["rcid", "bigint"], ["ultimate_parent_rcid", "bigint"], ["metro_area", "varchar"], ["salary", "double"], ["title_raw", "varchar"]] as const;
export const USER_COLUMNS = [["user_id", "bigint"], ["user_country", "varchar"], ["user_location", "varchar"], ["numconnections", "bigint"], ["api_prob", "double"], ["ethnicity_predicted", "varchar"]] as const;
export const EDUCATION_COLUMNS = [["user_id", "bigint"], ["education_number", "bigint"], ["degree", "varchar"], ["startdate", "varchar"], ["enddate", "varchar"], ["rsid", "bigint"], ["university_name", "varchar"]] as const;

const PRE_START = "2018-01-01";
const PRE_END = "2021-01-01";
const POST_START = "2021-02-01";
const EXTRA_START = "2020-06-01";
const AGE_YEAR = 2023;
const UNRANKED_SCHOOL = 999_999;
const DEGREE_NAME: Record<Level, string> = { bachelor: "Bachelor", master: "Master", mba: "MBA", phd: "Doctor" };

export interface PanelRows {
  positions: SynthRow[];
  users: SynthRow[];
  education: SynthRow[];
  /** Table 4's users per city and whether each is at the stated scale. */
  usersPerCity: { city: string; users: number; scaled: boolean }[];
}

/** Builds every row of the extract, in a fixed order. */
export function buildPanelRows(t: SynthTargets, people: Person[], firms: number): PanelRows {
  const rows: PanelRows = { positions: [], users: [], education: [], usersPerCity: [] };
  let positionId = 0;
  const job = (user: number, number: number, start: string, end: string | null, country: string, rcid: number, salary: number | null) =>
    rows.positions.push([user, ++positionId, number, start, end, country, rcid, rcid, "empty", salary, "Analyst"]);
  const own = (id: number, k: number) => 100_000_000 + id * 4 + k;
  const firmRcid = (firm: number) => 1_000 + firm;
  for (const p of people) {
    const pre = p.group === "joined" ? p.abroad! : t.home;
    const post = p.group === "left" ? p.abroad! : t.home;
    const postCountry = p.blankPost ? "empty" : post;
    const preSalary = Math.round(p.salary * 0.9);
    if (p.mnc?.role === "span") job(p.id, 1, PRE_START, null, postCountry, firmRcid(p.mnc.firm), p.salary);
    else if (p.mnc?.role === "pre") {
      job(p.id, 1, PRE_START, PRE_END, pre, firmRcid(p.mnc.firm), preSalary);
      job(p.id, 2, POST_START, null, postCountry, own(p.id, 1), p.salary);
    } else if (p.mnc?.role === "post") {
      job(p.id, 1, PRE_START, PRE_END, pre, own(p.id, 0), preSalary);
      job(p.id, 2, POST_START, null, postCountry, firmRcid(p.mnc.firm), p.salary);
    } else if (p.group === "stayed" && p.move === "same") job(p.id, 1, PRE_START, null, postCountry, own(p.id, 0), p.salary);
    else {
      job(p.id, 1, PRE_START, PRE_END, pre, own(p.id, 0), preSalary);
      job(p.id, 2, POST_START, null, postCountry, own(p.id, p.move === "same" ? 0 : 1), p.salary);
    }
    // The extra job carries the same salary: for a stayer with one spanning spell it starts later and so decides.
    if (p.extra) job(p.id, 3, EXTRA_START, null, post, own(p.id, 2), p.salary);
    rows.users.push([p.id, post, "empty", p.connections, p.asian ? 0.9 : 0.1, p.asian ? "API" : "White"]);
    const schoolEnd = AGE_YEAR - p.age + 18;
    rows.education.push([p.id, 1, "High School", `${schoolEnd - 3}-01-01`, `${schoolEnd}-01-01`, null, "empty"]);
    if (p.degree) {
      const rsid = p.degree.rank ?? UNRANKED_SCHOOL;
      rows.education.push([p.id, 2, DEGREE_NAME[p.degree.level], `${schoolEnd + 1}-01-01`, `${schoolEnd + 5}-01-01`, rsid, `School ${rsid}`]);
    }
  }
  let user = people.length;
  let padding = t.choices.salaryPadding;
  const decoy = (country: string, positions: [string, string | null, string, number][], paid = false) => {
    user++;
    // A paid decoy's salary sits at or below the cut, so it pads the population under the top deciles.
    const salary = paid && padding > 0 ? t.choices.salary_cut - (padding-- % 1000) * 10 : null;
    positions.forEach(([start, end, c, rcid], i) => job(user, i + 1, start, end, c, rcid, i === positions.length - 1 ? salary : null));
    rows.users.push([user, country, "empty", null, 0.5, "empty"]);
  };
  for (let firm = 1; firm <= firms; firm++) for (const c of t.choices.mnc.foreign_countries) decoy(c, [[PRE_START, null, c, firmRcid(firm)]]);
  const d = t.choices.decoys;
  for (let i = 0; i < d.never_in_hk; i++) decoy(d.decoy_country, [[PRE_START, PRE_END, "Japan", own(user + 1, 0)], [POST_START, null, d.decoy_country, own(user + 1, 1)]], true);
  for (let i = 0; i < d.no_pre_position; i++) decoy(t.home, [[POST_START, null, t.home, own(user + 1, 0)]]);
  for (let i = 0; i < d.no_location; i++) decoy("empty", [[PRE_START, null, "empty", own(user + 1, 0)]]);
  if (padding > 0) throw new Error(`synth.yaml: decoys.never_in_hk must be at least ${t.choices.salaryPadding} to pad the salary population`);
  // Table 4: users added per city around the ones already there.
  const cities = buildCityRows({ targets: t, cityMap: t.cityMap, ...rows, postDate: t.postDate, postStart: POST_START, firstUser: user, firstPosition: positionId, unrankedSchool: UNRANKED_SCHOOL });
  for (const r of cities.positions) rows.positions.push(r);
  for (const r of cities.users) rows.users.push(r);
  for (const r of cities.education) rows.education.push(r);
  rows.usersPerCity = cities.usersPerCity;
  return rows;
}

/** The THE-rank file: one school per rank 1…max (rsid = rank); the unranked school is absent. */
export function schoolRanksCsv(max: number): string {
  const lines = ["rsid,university_name,the_rank"];
  for (let r = 1; r <= max; r++) lines.push(`${r},School ${r},${r}`);
  return `${lines.join("\n")}\n`;
}
