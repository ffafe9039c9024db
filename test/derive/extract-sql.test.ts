/**
 * extract-sql: the printed cohort cut runs (here on DuckDB, standing in for the warehouse) and
 * deriving from the cut gives the same sample tables as deriving from the whole extract.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { openSession, sqlString } from "../../src/derive/session.ts";
import { deriveExtract, tempDir, writeExtract } from "./helpers/extract.ts";
import { extractOf, type PersonSpec } from "./helpers/people.ts";

const HK = "Hong Kong";

async function printed(target: string, tables: string[] = []): Promise<{ code: number; sql: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["extract-sql", "--target", target, ...tables.flatMap((t) => ["--table", t])], { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, sql: out.join("\n"), err: err.join("\n") };
}

describe("extract-sql", () => {
  it("prints the cut for each target with its table names and the parameters as literals", async () => {
    for (const target of ["snowflake", "trino", "postgres"]) {
      const r = await printed(target);
      expect(r.code).toBe(0);
      expect(r.sql).toContain("WHERE user_country = 'Hong Kong'");
      expect(r.sql).toContain("<= '2019-12-01'");
      expect(r.sql).not.toMatch(/\{\{/);
    }
    expect((await printed("postgres")).sql).toContain("FROM revelio.individual_positions");
    expect((await printed("oracle")).code).toBe(2);
  });

  it("cuts a cohort from which derive gives the same sample tables as from the whole extract", async () => {
    const people: PersonSpec[] = [
      { id: 1, pre: HK, post: HK, preCompany: 7, postCompany: 7 },
      { id: 2, pre: "Singapore", post: HK, preCompany: 8, postCompany: 8 },
      { id: 3, pre: HK, post: "Japan" },
      { id: 4, pre: "Japan", post: "Germany" }, // never in Hong Kong: not in the cohort
      { id: 5, pre: null, post: HK, profileCountry: HK },
    ];
    const extract = extractOf(people);
    // Firm 7 employs people in Germany and Brazil too (users outside the cohort): it is a multinational.
    extract.positions!.push({ user_id: 90, position_id: 901, startdate: "2018-01-01", enddate: "", country: "Germany", rcid: 7 });
    extract.positions!.push({ user_id: 91, position_id: 911, startdate: "2018-01-01", enddate: "", country: "Brazil", rcid: 7 });
    for (const p of extract.positions!) p.metro_area = "empty";
    const whole = await writeExtract(extract);
    const { sql } = await printed("postgres", ["positions=src_positions", "users=src_users", "education=src_education"]);
    const cut = tempDir("cut-");
    const session = await openSession({ threads: 1 });
    try {
      for (const [name, folder] of [["src_positions", "positions"], ["src_users", "users"], ["src_education", "education"]]) {
        await session.run(`CREATE VIEW ${name} AS SELECT * FROM read_csv(${sqlString(path.join(whole, folder!, "part-0.csv"))}, all_varchar = true)`);
      }
      await session.run(sql.split("-- Export:")[0]!);
      for (const table of ["individual_position", "individual_user", "individual_user_education"]) {
        fs.mkdirSync(path.join(cut, table));
        await session.run(`COPY gb_${table} TO ${sqlString(path.join(cut, table, "part-0.csv"))} (HEADER)`);
      }
      expect((await session.all("SELECT count(*) AS n FROM gb_individual_user"))[0]!.n).toBe("4");
    } finally {
      session.close();
    }
    fs.cpSync(path.join(whole, "school_ranks"), path.join(cut, "school_ranks"), { recursive: true });
    const [a, b] = [await deriveExtract(whole), await deriveExtract(cut)];
    for (const file of ["linkedin-totals.csv", "transitions.csv", "region-flows.csv", "profile.csv", "mnc-growth.csv"]) expect(b.outputs.get(file), file).toBe(a.outputs.get(file));
    expect(a.rows("mnc-growth.csv").map((r) => r.companies)).toContain("1");
  });
});
