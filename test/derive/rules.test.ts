/** One tiny extract per sample rule of the chapter's appendix and per unstated rule's parameter. */
import { describe, expect, it } from "vitest";
import { deriveExtract, writeExtract, type Extract } from "./helpers/extract.ts";
import { extractOf } from "./helpers/people.ts";

const HK = "Hong Kong";
const totals = async (extract: Extract, params?: Record<string, unknown>) => (await deriveExtract(await writeExtract(extract), params)).rows("linkedin-totals.csv").map((r) => Number(r.count));
const transitions = async (extract: Extract, params?: Record<string, unknown>) =>
  Object.fromEntries((await deriveExtract(await writeExtract(extract), params)).rows("transitions.csv").map((r) => [`${r.transition}/${r.move}`, Number(r.count)]));

describe("location precedence", () => {
  it("a position's country wins over the profile's; a missing ('' or 'empty') one falls back to the profile", async () => {
    const extract = extractOf([
      { id: 1, pre: HK, post: "Singapore", profileCountry: HK }, // position says Singapore: left
      { id: 2, pre: HK, post: null, profileCountry: HK }, // 'empty' post country, profile HK: stayed
      { id: 3, pre: null, post: HK, profileCountry: HK }, // 'empty' pre country, profile HK: stayed
    ]);
    extract.positions!.find((p) => p.user_id === 3 && p.country === "empty")!.country = "";
    expect(await totals(extract)).toEqual([2, 0, 1]);
  });

  it("location_fallback post_only drops a person whose pre-COVID job has no country; none drops both", async () => {
    const extract = extractOf([
      { id: 1, pre: null, post: HK, profileCountry: HK },
      { id: 2, pre: HK, post: null, profileCountry: HK },
    ]);
    expect(await totals(extract, { location_fallback: "post_only" })).toEqual([1, 0, 0]);
    expect(await totals(extract, { location_fallback: "none" })).toEqual([0, 0, 0]);
  });
});

describe("reference dates", () => {
  it("a spell ending on the reference date is held then; one ending the month before is not; an open end is held", async () => {
    const extract = extractOf([{ id: 1, pre: HK, post: HK }, { id: 2, pre: HK, post: HK }, { id: 3, pre: HK, post: HK }]);
    extract.positions!.find((p) => p.user_id === 1 && p.position_id === 11)!.enddate = "2019-12-01";
    extract.positions!.find((p) => p.user_id === 2 && p.position_id === 21)!.enddate = "2019-11";
    extract.positions!.find((p) => p.user_id === 3 && p.position_id === 32)!.enddate = "empty";
    expect(await totals(extract)).toEqual([2, 0, 0]);
  });
});

describe("concurrent jobs and company identity", () => {
  const concurrent = () => {
    const extract = extractOf([{ id: 1, pre: HK, post: HK, preCompany: 7, postCompany: 7 }]);
    // A second post-COVID job in Hong Kong at another firm, started before the main one.
    extract.positions!.push({ user_id: 1, position_id: 13, startdate: "2020-06-01", enddate: "", country: HK, rcid: 8, salary: 1 });
    return extract;
  };

  it("the latest-started job decides; Table 3 counts job pairs by default, persons on request", async () => {
    expect(await transitions(concurrent())).toMatchObject({ "stayed/same": 1, "stayed/different": 1 });
    expect(await transitions(concurrent(), { table3_unit: "person" })).toMatchObject({ "stayed/same": 1, "stayed/different": 0 });
    expect(await transitions(concurrent(), { table3_unit: "person", overlap_rule: "longest_tenure" })).toMatchObject({ "stayed/same": 0, "stayed/different": 1 });
  });

  it("a position with a country beats a concurrent one without", async () => {
    const extract = extractOf([{ id: 1, pre: HK, post: HK, profileCountry: "Japan" }]);
    extract.positions!.push({ user_id: 1, position_id: 13, startdate: "2022-01-01", enddate: "", country: "empty", rcid: 9 });
    expect(await totals(extract)).toEqual([1, 0, 0]);
  });

  it("same company means the same rcid by default, the same ultimate parent with company_key ultimate_parent", async () => {
    const extract = extractOf([{ id: 1, pre: "Singapore", post: HK, preCompany: 7, postCompany: 8 }]);
    for (const p of extract.positions!) p.ultimate_parent_rcid = 100;
    expect(await transitions(extract)).toMatchObject({ "joined/same": 0, "joined/different": 1 });
    expect(await transitions(extract, { company_key: "ultimate_parent" })).toMatchObject({ "joined/same": 1, "joined/different": 0 });
  });
});

describe("multinationals", () => {
  it("a firm counts when it employs people in at least mnc_min_countries countries on pre_date", async () => {
    const people = [1, 2, 3].map((id) => ({ id, pre: HK, post: HK, preCompany: 50, postCompany: id === 3 ? 99 : 50 }));
    const extract = extractOf(people);
    const abroad = (id: number, country: string) => {
      extract.positions!.push({ user_id: id, position_id: id * 10 + 1, startdate: "2018-01-01", enddate: "", country, rcid: 50 });
      extract.users!.push({ user_id: id, user_country: country });
    };
    abroad(90, "Germany");
    const run = async () => (await deriveExtract(await writeExtract(extract))).rows("mnc-growth.csv").map((r) => Number(r.companies));
    expect(await run()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]); // Hong Kong and Germany: two countries
    abroad(91, "Brazil");
    // Hong Kong headcount 3 -> 2 is -33 %: the [-50, -25) bin.
    expect(await run()).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("Table 4's cities", () => {
  it("matches the post-date job's field case-insensitively, else the profile's; a user may fall in two cities", async () => {
    const extract = extractOf([
      { id: 1, pre: HK, post: HK }, // post job: Hong Kong, metro "san francisco BAY area", a co-founder
      { id: 2, pre: HK }, // no post job: profile "hong kong", location "Paris"
      { id: 3, pre: HK, post: "Japan", profileCountry: HK }, // post job without metro: profile location decides the metro
      { id: 4, pre: HK, post: "France" }, // post job's city " PARIS " (trimmed, any case)
      { id: 5, pre: HK, post: "Germany" }, // in no city
    ]);
    const post = (id: number) => extract.positions!.find((p) => p.user_id === id && p.position_id === id * 10 + 2)!;
    Object.assign(post(1), { metro_area: "san francisco BAY area", title_raw: "Co-Founder & CEO" });
    Object.assign(post(3), { metro_area: "empty", title_raw: "Engineer" });
    Object.assign(post(4), { city: " PARIS " });
    const user = (id: number) => extract.users!.find((u) => u.user_id === id)!;
    Object.assign(user(2), { user_country: "hong kong", user_location: "Paris" });
    Object.assign(user(3), { user_location: "San Francisco Bay Area" });
    const city_map = [
      { ord: 1, city: "bay-area", field: "metro_area", value: "San Francisco Bay Area" },
      { ord: 2, city: "hong-kong", field: "country", value: "Hong Kong" },
      { ord: 3, city: "paris", field: "city", value: "Paris" },
      { ord: 4, city: "nowhere", field: "city", value: "Atlantis" },
    ];
    const rows = (await deriveExtract(await writeExtract(extract), { city_map })).rows("city-ranks.csv");
    expect(rows.map((r) => [r.city, r.users, r.founder_rate])).toEqual([
      ["bay-area", "2", "0.5"], // users 1 (job) and 3 (profile)
      ["hong-kong", "2", "0.5"], // users 1 (job) and 2 (profile)
      ["paris", "2", "0"], // users 2 (profile location) and 4 (job)
      ["nowhere", "0", ""],
    ]);
  });
});
