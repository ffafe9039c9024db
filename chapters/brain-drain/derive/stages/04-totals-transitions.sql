-- The text's totals (persons) and Table 3 (persons or job pairs, param.table3_unit).

CREATE TABLE out_totals AS
SELECT g.grp AS "group", COALESCE(n.count, 0) AS count, g.ord
FROM (SELECT 'stayed' AS grp, 1 AS ord UNION ALL SELECT 'joined', 2 UNION ALL SELECT 'left', 3) g
LEFT JOIN (SELECT grp, COUNT(*) AS count FROM person GROUP BY grp) n ON n.grp = g.grp;

-- Every job held on a date located where its holder was (a job without a country takes the person's place).
CREATE TABLE placed_job AS
SELECT h.user_id, h.snap, h.company
FROM held h
JOIN person p ON p.user_id = h.user_id
WHERE h.country IS NULL OR h.country = CASE WHEN h.snap = 'pre' THEN p.place_pre ELSE p.place_post END;

CREATE TABLE job_pair AS
SELECT p.user_id, p.grp,
       CASE WHEN a.company = b.company THEN 'same' ELSE 'different' END AS move
FROM person p
JOIN placed_job a ON a.user_id = p.user_id AND a.snap = 'pre'
JOIN placed_job b ON b.user_id = p.user_id AND b.snap = 'post';

DROP TABLE placed_job;

CREATE TABLE out_transitions AS
SELECT c.grp AS transition, c.move, COALESCE(n.count, 0) AS count, c.ord
FROM (SELECT 'left' AS grp, 'different' AS move, 1 AS ord UNION ALL SELECT 'left', 'same', 2
      UNION ALL SELECT 'joined', 'different', 3 UNION ALL SELECT 'joined', 'same', 4
      UNION ALL SELECT 'stayed', 'different', 5 UNION ALL SELECT 'stayed', 'same', 6) c
LEFT JOIN (
  SELECT grp, move, COUNT(*) AS count FROM person CROSS JOIN param WHERE param.table3_unit = 'person' GROUP BY grp, move
  UNION ALL
  SELECT grp, move, COUNT(*) AS count FROM job_pair CROSS JOIN param WHERE param.table3_unit = 'pair' GROUP BY grp, move
) n ON n.grp = c.grp AND n.move = c.move;

DROP TABLE job_pair;
