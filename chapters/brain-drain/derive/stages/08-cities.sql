-- Table 4: LinkedIn users per city (their place on post_date, city_user of 02-person.sql), the
-- shares with a bachelor's, an MBA, a PhD or a founder title, and the average THE rank of their
-- bachelor's, master's and PhD schools; each ranked across the cities (RANK: ties share a rank).
-- Each table is dropped after its last use, here and in the other stages, so later stages reuse
-- its memory.

CREATE TABLE city_stat AS
SELECT c.ord, c.city,
       COUNT(cu.user_id) AS users,
       CAST(SUM(COALESCE(s.has_bachelor, 0)) AS DOUBLE) / NULLIF(COUNT(cu.user_id), 0) AS bachelor_rate,
       CAST(SUM(COALESCE(s.has_mba, 0)) AS DOUBLE) / NULLIF(COUNT(cu.user_id), 0) AS mba_rate,
       CAST(SUM(COALESCE(s.has_phd, 0)) AS DOUBLE) / NULLIF(COUNT(cu.user_id), 0) AS phd_rate,
       CAST(SUM(COALESCE(cu.founder, 0)) AS DOUBLE) / NULLIF(COUNT(cu.user_id), 0) AS founder_rate,
       CAST(SUM(s.rank_bachelor) AS DOUBLE) / NULLIF(COUNT(s.rank_bachelor), 0) AS bachelor_the_avg,
       CAST(SUM(s.rank_master) AS DOUBLE) / NULLIF(COUNT(s.rank_master), 0) AS master_the_avg,
       CAST(SUM(s.rank_phd) AS DOUBLE) / NULLIF(COUNT(s.rank_phd), 0) AS phd_the_avg
FROM param_city_map c
LEFT JOIN city_user cu ON cu.ord = c.ord
LEFT JOIN schooling s ON s.user_id = cu.user_id
GROUP BY c.ord, c.city;

DROP TABLE city_user;
DROP TABLE schooling;

CREATE TABLE out_city_ranks AS
SELECT ord, city, users,
       CASE WHEN bachelor_rate IS NOT NULL THEN RANK() OVER (ORDER BY bachelor_rate DESC NULLS LAST) END AS bachelor_rate_rank,
       CASE WHEN mba_rate IS NOT NULL THEN RANK() OVER (ORDER BY mba_rate DESC NULLS LAST) END AS mba_rate_rank,
       CASE WHEN phd_rate IS NOT NULL THEN RANK() OVER (ORDER BY phd_rate DESC NULLS LAST) END AS phd_rate_rank,
       CASE WHEN founder_rate IS NOT NULL THEN RANK() OVER (ORDER BY founder_rate DESC NULLS LAST) END AS founder_rate_rank,
       CASE WHEN bachelor_the_avg IS NOT NULL THEN RANK() OVER (ORDER BY bachelor_the_avg ASC NULLS LAST) END AS bachelor_the_rank,
       CASE WHEN master_the_avg IS NOT NULL THEN RANK() OVER (ORDER BY master_the_avg ASC NULLS LAST) END AS master_the_rank,
       CASE WHEN phd_the_avg IS NOT NULL THEN RANK() OVER (ORDER BY phd_the_avg ASC NULLS LAST) END AS phd_the_rank,
       ROUND(bachelor_rate, 6) AS bachelor_rate, ROUND(mba_rate, 6) AS mba_rate, ROUND(phd_rate, 6) AS phd_rate,
       ROUND(founder_rate, 6) AS founder_rate, ROUND(bachelor_the_avg, 6) AS bachelor_the_avg,
       ROUND(master_the_avg, 6) AS master_the_avg, ROUND(phd_the_avg, 6) AS phd_the_avg
FROM city_stat;
