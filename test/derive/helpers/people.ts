/**
 * Builders for fixture people: one position per reference date (pre 2019-12-01, post 2023-06-01
 * by default) with the given countries and companies, a profile, and optional education.
 */
import type { Extract, Row } from "./extract.ts";

export interface PersonSpec {
  id: number;
  pre?: string | null;
  post?: string | null;
  /** Company (rcid) of the pre and post jobs; the same number means the same company. */
  preCompany?: number;
  postCompany?: number;
  profileCountry?: string;
  salary?: number;
  connections?: number;
  apiProb?: number;
  education?: Row[];
  /** One spell from 2018 to now instead of two jobs (same company, same place). */
  single?: boolean;
}

/** Adds a person's rows to an extract (mutates and returns it). */
export function addPerson(extract: Extract, p: PersonSpec): Extract {
  const positions = (extract.positions ??= []);
  const users = (extract.users ??= []);
  const base = p.id * 10;
  if (p.single) {
    positions.push({ user_id: p.id, position_id: base + 1, startdate: "2018-01-01", enddate: null, country: p.pre ?? "", rcid: p.preCompany ?? 1000 + p.id, salary: p.salary ?? 50000 });
  } else {
    if (p.pre !== undefined) positions.push({ user_id: p.id, position_id: base + 1, startdate: "2018-01-01", enddate: "2021-01-01", country: p.pre ?? "empty", rcid: p.preCompany ?? 1000 + p.id, salary: 40000 });
    if (p.post !== undefined) positions.push({ user_id: p.id, position_id: base + 2, startdate: "2021-02-01", enddate: null, country: p.post ?? "empty", rcid: p.postCompany ?? 2000 + p.id, salary: p.salary ?? 50000 });
  }
  users.push({ user_id: p.id, user_country: p.profileCountry ?? p.post ?? "empty", numconnections: p.connections ?? 100, api_prob: p.apiProb ?? 0.9 });
  if (p.education) (extract.education ??= []).push(...p.education.map((e) => ({ user_id: p.id, ...e })));
  return extract;
}

/** A new extract with the given people (education and school ranks empty unless added). */
export function extractOf(people: PersonSpec[], more: Extract = {}): Extract {
  const extract: Extract = { positions: [], users: [], education: [{ user_id: 0, degree: "empty", startdate: "", enddate: "" }], school_ranks: [{ rsid: 1, university_name: "Top School", the_rank: 1 }], ...more };
  for (const p of people) addPerson(extract, p);
  return extract;
}
