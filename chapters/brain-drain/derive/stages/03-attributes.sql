-- Per-person attributes from education and the profile: the best THE rank per degree level,
-- the elite flag, the estimated age, Asian, connections, and the top-salary-deciles flag.

-- The salary cut comes first, so its population is gone before the education aggregate needs
-- memory (freed memory is reused, new pages are dear: src/derive/allocator-settings.ts). The cut
-- is the (10 - top_deciles)/10 quantile of the chosen population (salary_population of
-- 02-person.sql) as a value of the data (percentile_disc: the value at row ceil(q * n) in
-- ascending order), in exact integers.
-- Counted per distinct salary, so only the distinct values are sorted (not every salary):
-- the cut is the smallest value v with #(salary <= v) >= ceil(q * n).
CREATE TABLE salary_cut AS
SELECT MIN(v.salary) AS cut
FROM (
  SELECT c.salary, SUM(c.n) OVER (ORDER BY c.salary ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS k
  FROM (SELECT salary, COUNT(*) AS n FROM salary_population GROUP BY salary) c
) v
CROSS JOIN (SELECT COUNT(*) AS n FROM salary_population) t
CROSS JOIN param
WHERE v.k * 10 >= (10 - param.top_deciles) * t.n;

DROP TABLE salary_population;

CREATE TABLE school_rank AS
SELECT rsid, CAST(NULL AS VARCHAR) AS name_key, MIN(the_rank) AS the_rank
FROM school_ranks WHERE rsid IS NOT NULL GROUP BY rsid
UNION ALL
SELECT CAST(NULL AS BIGINT) AS rsid, lower(university_name) AS name_key, MIN(the_rank) AS the_rank
FROM school_ranks WHERE rsid IS NULL AND university_name IS NOT NULL GROUP BY lower(university_name);

-- Keys are computed once per row in sub-queries, so every join is a plain hash join. A view:
-- schooling below reads it in the same pass (a stored copy of every degree costs more).
CREATE VIEW degree AS
SELECT e.user_id, l.level, e.startdate, e.enddate, COALESCE(r1.the_rank, r2.the_rank) AS the_rank
FROM (SELECT user_id, lower(degree) AS degree_key, startdate, enddate, rsid,
             CASE WHEN rsid IS NULL THEN lower(university_name) END AS name_key
      FROM education) e
JOIN (SELECT lower(degree) AS degree_key, level FROM param_degree_levels) l ON l.degree_key = e.degree_key
LEFT JOIN school_rank r1 ON r1.rsid = e.rsid
LEFT JOIN school_rank r2 ON r2.name_key = e.name_key;

-- One aggregate per user with seven states instead of eleven (at 20 M positions this hash
-- aggregate over about 5 M users is the stage's main cost): per level, the best rank with an
-- unranked degree counted as rank 9223372036854775807, so one MIN says both whether the user has
-- the level and the best known rank; elite follows from those minima (a PhD, or a ranked
-- bachelor's, master's or MBA within elite_max_rank).
CREATE TABLE schooling AS
SELECT a.user_id,
       CASE WHEN a.bachelor < 9223372036854775807 THEN a.bachelor END AS rank_bachelor,
       CASE WHEN a.master < 9223372036854775807 THEN a.master END AS rank_master,
       CASE WHEN a.mba < 9223372036854775807 THEN a.mba END AS rank_mba,
       CASE WHEN a.phd < 9223372036854775807 THEN a.phd END AS rank_phd,
       CASE WHEN a.bachelor IS NOT NULL THEN 1 ELSE 0 END AS has_bachelor,
       CASE WHEN a.mba IS NOT NULL THEN 1 ELSE 0 END AS has_mba,
       CASE WHEN a.phd IS NOT NULL THEN 1 ELSE 0 END AS has_phd,
       CASE WHEN a.phd IS NOT NULL OR a.bachelor <= param.elite_max_rank OR a.master <= param.elite_max_rank
                 OR a.mba <= param.elite_max_rank THEN 1 ELSE 0 END AS elite,
       a.school_end, a.degree_start, a.bachelor_end
FROM (
  SELECT dg.user_id,
         MIN(CASE WHEN dg.level = 'bachelor' THEN COALESCE(dg.the_rank, 9223372036854775807) END) AS bachelor,
         MIN(CASE WHEN dg.level = 'master' THEN COALESCE(dg.the_rank, 9223372036854775807) END) AS master,
         MIN(CASE WHEN dg.level = 'mba' THEN COALESCE(dg.the_rank, 9223372036854775807) END) AS mba,
         MIN(CASE WHEN dg.level = 'phd' THEN COALESCE(dg.the_rank, 9223372036854775807) END) AS phd,
         MIN(CASE WHEN dg.level = 'high_school' THEN EXTRACT(YEAR FROM dg.enddate) END) AS school_end,
         MIN(CASE WHEN dg.level IN ('bachelor', 'associate') THEN EXTRACT(YEAR FROM dg.startdate) END) AS degree_start,
         MIN(CASE WHEN dg.level = 'bachelor' THEN EXTRACT(YEAR FROM dg.enddate) END) AS bachelor_end
  FROM degree dg
  GROUP BY dg.user_id
) a
CROSS JOIN param;

DROP VIEW degree;

CREATE TABLE attributes AS
SELECT p.user_id, p.grp, p.move, p.place_pre, p.place_post,
       COALESCE(s.elite, 0) AS elite,
       s.rank_bachelor, s.rank_master, s.rank_mba, s.rank_phd,
       CAST(EXTRACT(YEAR FROM param.age_date) - COALESCE(
         s.school_end - param.birth_offset_school_end,
         s.degree_start - param.birth_offset_degree_start,
         s.bachelor_end - param.birth_offset_bachelor_end) AS BIGINT) AS age,
       CAST(ROUND(p.salary) AS BIGINT) AS salary,
       CASE WHEN ROUND(p.salary) > c.cut THEN 1 ELSE 0 END AS top_salary,
       CASE WHEN u.api_prob IS NOT NULL THEN CASE WHEN u.api_prob >= param.asian_min_prob THEN 1 ELSE 0 END
            WHEN u.ethnicity_predicted IS NOT NULL THEN CASE WHEN upper(u.ethnicity_predicted) = 'API' THEN 1 ELSE 0 END
       END AS asian,
       u.numconnections AS connections
FROM person p
CROSS JOIN param
LEFT JOIN schooling s ON s.user_id = p.user_id
LEFT JOIN users u ON u.user_id = p.user_id
LEFT JOIN salary_cut c ON 1 = 1;
