-- Positions held on the two reference dates (startdate <= date <= enddate, or an open end), and
-- the one that decides each person's place and company on each date: a position with a country
-- beats one without, then param.overlap_rule (latest or earliest start), then the larger
-- position_id. That order is packed into one exact number per position,
--   (has_country * 10^6 + 500000 +/- days since 1900 of startdate) * 10^20 + (position_id + 2^63),
-- the first factor in 64-bit integers (one 128-bit multiplication per position),
-- unique because position_id is, so one pass over positions grouped per user finds both deciding
-- positions with MAX_BY (no sort; no ties, so the result does not depend on threads).
-- Dialect: HUGEINT is DuckDB's 128-bit integer, used for speed; elsewhere write DECIMAL(38, 0)
-- (Trino, Snowflake; Postgres NUMERIC), which DuckDB computes about half as fast. date_diff is
-- DuckDB/Trino spelling (Snowflake DATEDIFF, Postgres date - date).

CREATE VIEW held AS
SELECT p.user_id, p.position_id, d.snap, p.startdate, p.country,
       CASE WHEN param.company_key = 'ultimate_parent'
            THEN COALESCE(p.ultimate_parent_rcid, c.ultimate_parent_rcid, p.rcid)
            ELSE p.rcid END AS company
FROM positions p
CROSS JOIN param
CROSS JOIN (SELECT 'pre' AS snap UNION ALL SELECT 'post' AS snap) d
LEFT JOIN company_ref c ON c.rcid = p.rcid
WHERE p.startdate <= CASE WHEN d.snap = 'pre' THEN param.pre_date ELSE param.post_date END
  AND (p.enddate IS NULL OR p.enddate >= CASE WHEN d.snap = 'pre' THEN param.pre_date ELSE param.post_date END);

CREATE TABLE pick AS
SELECT k.user_id,
       MAX_BY(k.position_id, CASE WHEN k.held_pre = 1 THEN k.order_key END) AS position_pre,
       MAX_BY(k.position_id, CASE WHEN k.held_post = 1 THEN k.order_key END) AS position_post
FROM (
  SELECT p.user_id, p.position_id,
         CASE WHEN p.startdate <= param.pre_date AND (p.enddate IS NULL OR p.enddate >= param.pre_date) THEN 1 ELSE 0 END AS held_pre,
         CASE WHEN p.startdate <= param.post_date AND (p.enddate IS NULL OR p.enddate >= param.post_date) THEN 1 ELSE 0 END AS held_post,
         CAST(CASE WHEN p.country IS NULL THEN 0 ELSE 1000000 END
              + CASE WHEN param.overlap_rule = 'latest_start' THEN 500000 + date_diff('day', DATE '1900-01-01', p.startdate)
                     ELSE 500000 - date_diff('day', DATE '1900-01-01', p.startdate) END AS HUGEINT) * CAST(100000000000000000000 AS HUGEINT)
         + (CAST(p.position_id AS HUGEINT) + CAST(9223372036854775808 AS HUGEINT)) AS order_key
  FROM positions p
  CROSS JOIN param
  WHERE (p.startdate <= param.pre_date AND (p.enddate IS NULL OR p.enddate >= param.pre_date))
     OR (p.startdate <= param.post_date AND (p.enddate IS NULL OR p.enddate >= param.post_date))
) k
GROUP BY k.user_id;

-- The deciding positions' other columns, fetched in a second, filtered pass: each position meets
-- its user's pick (a hash table of one row per user, half the size of one per picked position).
-- Only Table 4 reads the place's metro area, city and title, on post_date: pre rows leave them out.
CREATE TABLE deciding AS
SELECT j.user_id, s.snap, j.country, j.salary, j.company,
       CASE WHEN s.snap = 'post' THEN j.metro_area END AS metro_area,
       CASE WHEN s.snap = 'post' THEN j.city END AS city,
       CASE WHEN s.snap = 'post' THEN j.title_raw END AS title_raw
FROM (
  SELECT p.user_id, p.country, p.metro_area, p.city, p.salary, p.title_raw,
         CASE WHEN param.company_key = 'ultimate_parent'
              THEN COALESCE(p.ultimate_parent_rcid, c.ultimate_parent_rcid, p.rcid)
              ELSE p.rcid END AS company,
         p.position_id = k.position_pre AS is_pre, p.position_id = k.position_post AS is_post
  FROM positions p
  JOIN pick k ON k.user_id = p.user_id AND (p.position_id = k.position_pre OR p.position_id = k.position_post)
  CROSS JOIN param
  LEFT JOIN company_ref c ON c.rcid = p.rcid
) j
JOIN (SELECT 'pre' AS snap UNION ALL SELECT 'post' AS snap) s
  ON (s.snap = 'pre' AND j.is_pre) OR (s.snap = 'post' AND j.is_post);

DROP TABLE pick;
