/**
 * The benchmark's extract: 20 M positions, 6 M users and 10 M education rows in Revelio's shape
 * (text dates, 'empty' placeholders, 4 Parquet parts per table), generated inside DuckDB from
 * hash-based pseudo-randomness. Not calibrated: it exercises the engine at scale, nothing more.
 */
import fs from "node:fs";
import path from "node:path";
import { openSession, sqlString } from "../src/derive/session.ts";

export interface BenchSize {
  positions: number;
  users: number;
  education: number;
}

const COUNTRIES = ["Hong Kong", "Hong Kong", "Hong Kong", "United States", "China", "United Kingdom", "Singapore", "Australia", "Canada", "India", "France", "Taiwan", "Japan", "Germany", "Switzerland", "Malaysia", "South Korea", "Netherlands", "Ireland", "empty"];
const METROS = ["san francisco bay area", "new york city metropolitan area", "london metropolitan area", "sydney metropolitan area", "tokyo metropolitan area", "shanghai metropolitan area", "empty"];
const DEGREES = ["High School", "Bachelor", "Bachelor", "Bachelor", "Master", "Master", "MBA", "Doctor", "Associate", "empty"];
const PARTS = 4;

const list = (items: string[]) => `[${items.map(sqlString).join(", ")}]`;
/** A pseudo-random whole number in [0, n) from row i and a salt. */
const rnd = (salt: number, n: number) => `CAST(hash(i, ${salt}) % ${n} AS BIGINT)`;
const month = (base: string, months: string) => `strftime(DATE '${base}' + to_months(CAST(${months} AS INTEGER)), '%Y-%m-01')`;

/** Writes the extract into `dir` (reusing it when it already holds a complete one). */
export async function generateBenchExtract(dir: string, size: BenchSize): Promise<void> {
  const marker = path.join(dir, `.complete-${size.positions}-${size.users}-${size.education}`);
  if (fs.existsSync(marker)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  for (const t of ["individual_position", "individual_user", "individual_user_education"]) fs.mkdirSync(path.join(dir, t), { recursive: true });
  const session = await openSession({ threads: 2, memoryLimit: "4GB" });
  try {
    const countries = list(COUNTRIES);
    for (let part = 0; part < PARTS; part++) {
      const slice = (n: number) => `range(${Math.floor((n * part) / PARTS) + 1}, ${Math.floor((n * (part + 1)) / PARTS) + 1}) t(i)`;
      const out = (table: string) => sqlString(path.join(dir, table, `${table}_${String(part).padStart(4, "0")}_part_00.parquet`));
      await session.run(`COPY (
        SELECT 1 + ${rnd(1, size.users)} AS user_id, i AS position_id, ${month("2003-01-01", rnd(2, 240))} AS startdate,
               CASE WHEN ${rnd(3, 10)} < 4 THEN NULL ELSE ${month("2006-01-01", rnd(4, 216))} END AS enddate,
               ${countries}[1 + ${rnd(5, COUNTRIES.length)}] AS country, ${rnd(6, 400000)} AS rcid, ${rnd(7, 100000)} AS ultimate_parent_rcid,
               ${list(METROS)}[1 + ${rnd(8, METROS.length)}] AS metro_area, CAST(20000 + ${rnd(9, 150000)} AS DOUBLE) AS salary,
               CASE WHEN ${rnd(10, 100)} = 0 THEN 'Co-Founder' ELSE 'Analyst' END AS title_raw
        FROM ${slice(size.positions)}) TO ${out("individual_position")} (FORMAT parquet, COMPRESSION zstd)`);
      await session.run(`COPY (
        SELECT i AS user_id, ${countries}[1 + ${rnd(11, COUNTRIES.length)}] AS user_country, 'empty' AS user_location,
               CASE WHEN ${rnd(12, 7)} = 0 THEN NULL ELSE ${rnd(13, 2000)} END AS numconnections,
               CAST(${rnd(14, 1000)} AS DOUBLE) / 1000 AS api_prob, 'empty' AS ethnicity_predicted
        FROM ${slice(size.users)}) TO ${out("individual_user")} (FORMAT parquet, COMPRESSION zstd)`);
      await session.run(`COPY (
        SELECT 1 + ${rnd(15, size.users)} AS user_id, i AS education_number, ${list(DEGREES)}[1 + ${rnd(16, DEGREES.length)}] AS degree,
               ${month("1975-01-01", rnd(17, 540))} AS startdate, ${month("1979-01-01", rnd(18, 540))} AS enddate,
               1 + ${rnd(19, 3000)} AS rsid, 'empty' AS university_name
        FROM ${slice(size.education)}) TO ${out("individual_user_education")} (FORMAT parquet, COMPRESSION zstd)`);
    }
  } finally {
    session.close();
  }
  const ranks = ["rsid,university_name,the_rank", ...Array.from({ length: 1500 }, (_, k) => `${k + 1},School ${k + 1},${k + 1}`)];
  fs.writeFileSync(path.join(dir, "school-ranks.csv"), `${ranks.join("\n")}\n`);
  fs.writeFileSync(marker, "");
}
