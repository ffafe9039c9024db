-- Table 2 (where leavers went and joiners came from, with the highly educated in brackets) and
-- Figure 1 (joiners, leavers and stayers by five-year age group; all and the top salary deciles).
-- regexp_replace(..., 'g') is DuckDB/Postgres spelling; Trino and Snowflake replace every match by default.

CREATE TABLE mover AS
SELECT a.grp, a.elite,
       CASE WHEN a.grp = 'left' THEN a.place_post ELSE a.place_pre END AS country
FROM attributes a
WHERE a.grp IN ('left', 'joined');

CREATE TABLE region_count AS
SELECT COALESCE(m.region, regexp_replace(lower(mv.country), '[^a-z0-9]+', '-', 'g')) AS region,
       SUM(CASE WHEN mv.grp = 'left' THEN 1 ELSE 0 END) AS leave,
       SUM(CASE WHEN mv.grp = 'joined' THEN 1 ELSE 0 END) AS "join",
       SUM(CASE WHEN mv.grp = 'left' THEN mv.elite ELSE 0 END) AS leave_edu,
       SUM(CASE WHEN mv.grp = 'joined' THEN mv.elite ELSE 0 END) AS join_edu
FROM mover mv
LEFT JOIN param_region_map m ON m.country = mv.country
GROUP BY COALESCE(m.region, regexp_replace(lower(mv.country), '[^a-z0-9]+', '-', 'g'));

CREATE TABLE out_region_flows AS
SELECT region, leave, "join", leave_edu, join_edu, ord
FROM (
  SELECT r.*, ROW_NUMBER() OVER (ORDER BY r.leave + r."join" DESC, r.region) AS ord
  FROM region_count r
) ranked
CROSS JOIN param
WHERE ord <= param.top_regions;

CREATE TABLE age_band AS
WITH RECURSIVE band(lo) AS (
  SELECT age_min FROM param
  UNION ALL
  SELECT band.lo + 5 FROM band CROSS JOIN param WHERE band.lo + 5 <= param.age_max
)
SELECT lo, lo + 4 AS hi, CAST(lo AS VARCHAR) || '-' || CAST(lo + 4 AS VARCHAR) AS age_group FROM band;

CREATE TABLE out_age_flows AS
SELECT c.cohort, b.age_group,
       SUM(CASE WHEN a.grp = 'joined' THEN 1 ELSE 0 END) AS joined,
       SUM(CASE WHEN a.grp = 'left' THEN 1 ELSE 0 END) AS "left",
       SUM(CASE WHEN a.grp = 'stayed' THEN 1 ELSE 0 END) AS stayed,
       c.ord * 1000 + b.lo AS ord
FROM (SELECT 'all' AS cohort, 1 AS ord UNION ALL SELECT 'top3', 2) c
CROSS JOIN age_band b
LEFT JOIN attributes a
  ON a.age BETWEEN b.lo AND b.hi
 AND (c.cohort = 'all' OR a.top_salary = 1)
GROUP BY c.cohort, c.ord, b.age_group, b.lo;
