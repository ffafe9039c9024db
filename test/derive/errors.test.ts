/** Bad extracts and parameters: the project's error form, exit 1, and nothing written. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { copyData, snapshotTree } from "../helpers/data-copy.ts";
import { tempDir, writeExtract } from "./helpers/extract.ts";
import { extractOf } from "./helpers/people.ts";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const HK = "Hong Kong";

describe("derive refuses bad input", () => {
  it("names the file, the column, the count and an example of values that are not dates, and writes nothing", async () => {
    const extract = extractOf([{ id: 1, pre: HK, post: HK }, { id: 2, pre: HK, post: HK }, { id: 3, pre: HK, post: HK }]);
    extract.positions![0]!.startdate = "2019-13-01";
    extract.positions![2]!.startdate = "2019-13-01";
    extract.positions![4]!.startdate = "soon";
    const dir = await writeExtract(extract, { format: "parquet", parts: 2 });
    const data = copyData();
    const before = snapshotTree(data);
    const r = await run(["derive", "--panel", dir, "--data", data, "--quiet"]);
    expect(r.code).toBe(1);
    const part0 = path.relative(process.cwd(), path.join(dir, "positions", "part-0.parquet"));
    expect(r.err).toContain(`${part0}: column "startdate": 3 values are not dates (e.g. "2019-13-01")`);
    expect(snapshotTree(data)).toEqual(before);
    expect(fs.readdirSync(data).filter((f) => f.startsWith(".derive"))).toEqual([]);
  });

  it("reports a missing required column", async () => {
    const extract = extractOf([{ id: 1, pre: HK, post: HK }]);
    for (const p of extract.positions!) delete p.rcid;
    const r = await run(["derive", "--panel", await writeExtract(extract), "--data", tempDir(), "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/positions\/part-0\.csv: column "rcid" is missing/);
  });

  it("reports a missing table", async () => {
    const extract = extractOf([{ id: 1, pre: HK, post: HK }]);
    delete extract.education;
    const r = await run(["derive", "--panel", await writeExtract(extract), "--data", tempDir(), "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no files for table "education"/);
  });

  it("refuses an unknown parameter and a parameter of the wrong type", async () => {
    const params = path.join(tempDir(), "params.yaml");
    fs.writeFileSync(params, "pre_dat: 2019-12-01\nelite_max_rank: fifty\n");
    const r = await run(["derive", "--explain", "--params", params]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('column "pre_dat": not a parameter');
    expect(r.err).toContain('column "elite_max_rank": expected a whole number, got "fifty"');
  });
});

describe("derive --explain", () => {
  it("prints every parameter with its value and meaning, marking overrides", async () => {
    const params = path.join(tempDir(), "params.yaml");
    fs.writeFileSync(params, "table3_unit: person\n");
    const r = await run(["derive", "--explain", "--params", params]);
    expect(r.code).toBe(0);
    for (const name of ["pre_date = 2019-12-01", "overlap_rule = latest_start", "company_key = rcid", "location_fallback = both", "elite_max_rank = 50", "mnc_min_countries = 3", "salary_population = everyone", "age_rule = education"]) expect(r.out).toContain(name);
    expect(r.out).toContain("table3_unit = person   (default pair)");
    expect(r.out).toContain("United States → us");
  });
});
