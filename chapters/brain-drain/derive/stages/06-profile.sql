-- Table 1: joiners against leavers. Every statistic starts from exact sums (n, sum, sum of
-- squares of values with at most 6 decimals), so the result does not depend on the thread count;
-- mean, standard deviation and Welch's t follow, rounded to 6 decimals.

CREATE TABLE profile_value AS
SELECT 'the-rank-masters' AS row, grp, CAST(rank_master AS DECIMAL(18, 6)) AS x FROM attributes WHERE rank_master IS NOT NULL
UNION ALL SELECT 'the-rank-bachelors', grp, CAST(rank_bachelor AS DECIMAL(18, 6)) FROM attributes WHERE rank_bachelor IS NOT NULL
UNION ALL SELECT 'the-rank-mba', grp, CAST(rank_mba AS DECIMAL(18, 6)) FROM attributes WHERE rank_mba IS NOT NULL
UNION ALL SELECT 'the-rank-phd', grp, CAST(rank_phd AS DECIMAL(18, 6)) FROM attributes WHERE rank_phd IS NOT NULL
UNION ALL SELECT 'age', grp, CAST(age AS DECIMAL(18, 6)) FROM attributes WHERE age IS NOT NULL
UNION ALL SELECT 'salary', grp, CAST(salary AS DECIMAL(18, 6)) FROM attributes WHERE salary IS NOT NULL
UNION ALL SELECT 'asian-share', grp, CAST(asian AS DECIMAL(18, 6)) FROM attributes WHERE asian IS NOT NULL
UNION ALL SELECT 'connections', grp, CAST(connections AS DECIMAL(18, 6)) FROM attributes WHERE connections IS NOT NULL
UNION ALL SELECT 'connections-per-age', grp, CAST(ROUND(CAST(connections AS DOUBLE) / age, 6) AS DECIMAL(18, 6))
  FROM attributes WHERE connections IS NOT NULL AND age > 0;

CREATE TABLE profile_sum AS
SELECT row, grp, COUNT(*) AS n, SUM(x) AS sx, SUM(CAST(x AS DECIMAL(38, 6)) * CAST(x AS DECIMAL(38, 6))) AS sxx
FROM profile_value
WHERE grp IN ('joined', 'left')
GROUP BY row, grp;

DROP TABLE profile_value;

CREATE TABLE profile_moment AS
SELECT row, grp, n,
       CAST(sx AS DOUBLE) / n AS mean,
       CASE WHEN n > 1 THEN (CAST(sxx AS DOUBLE) - CAST(sx AS DOUBLE) * CAST(sx AS DOUBLE) / n) / (n - 1) END AS var
FROM profile_sum;

CREATE TABLE out_profile AS
SELECT r.row, r.section,
       ROUND(j.mean, 6) AS joiner,
       ROUND(l.mean, 6) AS leaver,
       CASE WHEN r.with_t = 1 AND j.var + l.var > 0
            THEN ROUND((j.mean - l.mean) / SQRT(j.var / j.n + l.var / l.n), 6) END AS t,
       r.decimals,
       CASE WHEN r.with_t = 1 THEN ROUND(SQRT(j.var), 6) END AS joiner_sd,
       CASE WHEN r.with_t = 1 THEN ROUND(SQRT(l.var), 6) END AS leaver_sd,
       CASE WHEN r.with_t = 1 THEN j.n END AS joiner_n,
       CASE WHEN r.with_t = 1 THEN l.n END AS leaver_n,
       r.ord
FROM (SELECT 'the-rank-masters' AS row, 'the-rank' AS section, 2 AS decimals, 1 AS with_t, 1 AS ord
      UNION ALL SELECT 'the-rank-bachelors', 'the-rank', 2, 1, 2
      UNION ALL SELECT 'the-rank-mba', 'the-rank', 2, 1, 3
      UNION ALL SELECT 'the-rank-phd', 'the-rank', 2, 1, 4
      UNION ALL SELECT 'age', 'other', 2, 1, 5
      UNION ALL SELECT 'salary', 'other', 0, 1, 6
      UNION ALL SELECT 'asian-share', 'other', 2, 0, 7
      UNION ALL SELECT 'connections', 'other', 2, 1, 8
      UNION ALL SELECT 'connections-per-age', 'other', 2, 1, 9) r
LEFT JOIN profile_moment j ON j.row = r.row AND j.grp = 'joined'
LEFT JOIN profile_moment l ON l.row = r.row AND l.grp = 'left';
