/** Education-based rules (age, THE rank, elite), Table 2's top ten, and an upper-case CSV.gz delivery. */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { deriveExtract, writeExtract } from "./helpers/extract.ts";
import { extractOf, type PersonSpec } from "./helpers/people.ts";

const HK = "Hong Kong";

describe("age from education", () => {
  it("uses high-school end - 18, else a first degree's start - 18, else a bachelor's end - 23", async () => {
    const people: PersonSpec[] = [
      // 2023 - (2006 - 18) = 35, even though a bachelor's start says otherwise
      { id: 1, pre: "Singapore", post: HK, education: [{ degree: "High School", startdate: "2003-01-01", enddate: "2006-06-01" }, { degree: "Bachelor", startdate: "2010-01-01", enddate: "2014-01-01" }] },
      // 2023 - (2015 - 18) = 26
      { id: 2, pre: "Singapore", post: HK, education: [{ degree: "bachelor", startdate: "2015-09-01", enddate: "empty" }] },
      // 2023 - (2010 - 23) = 36
      { id: 3, pre: HK, post: "Japan", education: [{ degree: "Bachelor", startdate: "", enddate: "2010-06" }] },
      // no education: no age
      { id: 4, pre: HK, post: "Japan" },
    ];
    const d = await deriveExtract(await writeExtract(extractOf(people)));
    const all = d.rows("age-flows.csv").filter((r) => r.cohort === "all" && (r.joined !== "0" || r.left !== "0"));
    expect(all).toEqual([
      { cohort: "all", age_group: "25-29", joined: "1", left: "0", stayed: "0" },
      { cohort: "all", age_group: "35-39", joined: "1", left: "1", stayed: "0" },
    ]);
    const age = d.rows("profile.csv").find((r) => r.row === "age")!;
    expect([age.joiner, age.leaver, age.joiner_n, age.leaver_n]).toEqual(["30.5", "36", "2", "1"]);
  });
});

describe("elite and THE ranks", () => {
  it("a bachelor's from rank 50 is elite, from rank 51 is not; a PhD always is", async () => {
    const ranks = [50, 51].map((r) => ({ rsid: r, university_name: `School ${r}`, the_rank: r }));
    const people: PersonSpec[] = [
      { id: 1, pre: HK, post: "Japan", education: [{ degree: "Bachelor", startdate: "2010-01-01", enddate: "2014-01-01", rsid: 50 }] },
      { id: 2, pre: HK, post: "Japan", education: [{ degree: "Bachelor", startdate: "2010-01-01", enddate: "2014-01-01", rsid: 51 }] },
      { id: 3, pre: "Japan", post: HK, education: [{ degree: "Doctor", startdate: "2010-01-01", enddate: "2014-01-01", university_name: "Unranked" }] },
    ];
    const d = await deriveExtract(await writeExtract(extractOf(people, { school_ranks: ranks })));
    expect(d.rows("region-flows.csv")).toEqual([{ region: "japan", leave: "2", join: "1", leave_edu: "1", join_edu: "1" }]);
    const bachelors = d.rows("profile.csv").find((r) => r.row === "the-rank-bachelors")!;
    expect([bachelors.leaver, bachelors.leaver_n]).toEqual(["50.5", "2"]);
  });

  it("matches a school by name when the education row has no rsid", async () => {
    const people: PersonSpec[] = [{ id: 1, pre: HK, post: "Japan", education: [{ degree: "Master", startdate: "2010-01-01", enddate: "2011-01-01", university_name: "top school" }] }];
    const d = await deriveExtract(await writeExtract(extractOf(people, { school_ranks: [{ rsid: null, university_name: "Top School", the_rank: 7 }] })));
    expect(d.rows("profile.csv").find((r) => r.row === "the-rank-masters")!.leaver).toBe("7");
  });
});

describe("Table 2's top ten", () => {
  it("keeps the ten largest turnovers, a tie going to the alphabetically first region", async () => {
    const countries = ["Japan", "India", "France", "Canada", "Australia", "Singapore", "United Kingdom", "China", "United States", "Taiwan", "Germany"];
    const people: PersonSpec[] = countries.map((c, i) => ({ id: i + 1, pre: HK, post: c }));
    people.push({ id: 50, pre: HK, post: "United States" }, { id: 51, pre: "China", post: HK });
    const rows = (await deriveExtract(await writeExtract(extractOf(people)))).rows("region-flows.csv");
    expect(rows.map((r) => r.region)).toEqual(["mainland", "us", "australia", "canada", "france", "germany", "india", "japan", "singapore", "taiwan"]);
  });
});

describe("delivery quirks", () => {
  it("reads upper-case headers from CSV.gz parts with quoted cells and backslash escapes", async () => {
    const dir = await writeExtract(extractOf([{ id: 1, pre: HK, post: HK }, { id: 2, pre: "Japan", post: HK }]), { format: "csv.gz", upper: true, parts: 2 });
    const title = zlib.gzipSync('"USER_ID","POSITION_ID","STARTDATE","ENDDATE","COUNTRY","RCID","TITLE_RAW"\n"3","31","2018-01-01","","Hong Kong","5","Head of \\"Growth\\", APAC"\n"3","32","2018-01-01","","Hong Kong","6","Founder \\\\ CEO"\n');
    fs.writeFileSync(path.join(dir, "positions", "part-9.csv.gz"), title);
    const d = await deriveExtract(dir);
    // user 3 has positions but no profile row: its positions place it in Hong Kong on both dates
    expect(d.rows("linkedin-totals.csv").map((r) => r.count)).toEqual(["2", "1", "0"]);
    expect(d.manifest.inputs.positions!.rows).toBe(6);
  });
});
