/** Text dates read fast (strptime first) and exactly as the cast alone reads them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { castDateSql } from "../../src/derive/load-inputs.ts";
import { openSession, type Session } from "../../src/derive/session.ts";

/** The rule before the fast path: `YYYY-MM` is the first of the month, the rest is DuckDB's cast. */
const REFERENCE = `TRY_CAST(CASE WHEN length(s) = 7 THEN s || '-01' ELSE s END AS DATE)`;

const EDGES = [
  "2019-01-05", "2019-1-5", "2019-01", "2019-1", "19-1-05", "2019", "12019-01-05", "99999-12-31", "0000-01-01", "1-01-01",
  "2019-13-01", "2019-02-29", "2020-02-29", "2019-00-10", "2019-01-00", "2019/01/05", "2019.01.05", "2019-01-05 00:00:00",
  "2019-01-05T00:00:00", "-2019-01-05", "+2019-01-05", "2019-01-05 (BC)", "2019-01-05BC", "2019-01-05x", "2019--01-05", "abcd-ef-gh", "",
];

/** Seeded strings near and far from dates: digits, separators, signs, era and time letters. */
function fuzz(n: number): string[] {
  let seed = 20261202;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (chars: string) => chars[Math.floor(rnd() * chars.length)]!;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.6) {
      const part = (max: number, width: number) => String(Math.floor(rnd() * max)).padStart(Math.floor(rnd() * width), "0");
      let s = `${part(12000, 6)}-${part(14, 3)}-${part(33, 3)}`;
      if (rnd() < 0.3) {
        const at = Math.floor(rnd() * s.length);
        s = s.slice(0, at) + pick("0123456789-/ :TBC+.") + s.slice(at + (rnd() < 0.5 ? 1 : 0));
      }
      out.push(s.trim());
    } else {
      out.push(Array.from({ length: Math.floor(rnd() * 12) }, () => pick("0123456789-/ :TBC+.")).join("").trim());
    }
  }
  return out;
}

describe("castDateSql", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ threads: 1 });
    await session.run("CREATE TABLE t (s VARCHAR)");
    const appender = await session.appender("t");
    for (const s of [...EDGES, ...fuzz(50_000)]) {
      appender.appendVarchar(s);
      appender.endRow();
    }
    appender.closeSync();
  });
  afterAll(() => session.close());

  it("gives the cast's date, or none, for every string", async () => {
    const [row] = await session.all(`SELECT count(*) AS n, count(r) AS dates, count(*) FILTER (WHERE f IS DISTINCT FROM r) AS differ, min(s) FILTER (WHERE f IS DISTINCT FROM r) AS example FROM (SELECT s, ${castDateSql("s")} AS f, ${REFERENCE} AS r FROM t) x`);
    expect(row).toMatchObject({ differ: "0", example: null });
    // The sample reaches both paths: many strings are dates, many are not.
    expect(Number(row!.dates)).toBeGreaterThan(10_000);
    expect(Number(row!.n) - Number(row!.dates)).toBeGreaterThan(10_000);
  });

  it("reads month-only dates as the first of the month and leaves non-dates empty", async () => {
    const rows = await session.all(`SELECT s, CAST(${castDateSql("s")} AS VARCHAR) AS d FROM (VALUES ('2019-07'), ('2019-1-5'), ('2019-02-29'), ('soon')) v(s) ORDER BY s`);
    expect(rows).toEqual([
      { s: "2019-02-29", d: null },
      { s: "2019-07", d: "2019-07-01" },
      { s: "2019-1-5", d: "2019-01-05" },
      { s: "soon", d: null },
    ]);
  });
});
