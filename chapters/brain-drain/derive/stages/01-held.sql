-- Positions held on the two reference dates, and the one that decides each person's place and
-- company on each date (param.overlap_rule). Portable SQL: window functions, CASE, joins.

CREATE TABLE held AS
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

-- The deciding position's other columns are fetched after the pick, so `held` stays narrow.
CREATE TABLE deciding AS
SELECT r.user_id, r.snap, r.position_id, r.country, p.metro_area, p.city, p.salary, p.title_raw, r.company
FROM (
  SELECT h.user_id, h.snap, h.position_id, h.country, h.company,
         ROW_NUMBER() OVER (
           PARTITION BY h.user_id, h.snap
           ORDER BY CASE WHEN h.country IS NULL THEN 1 ELSE 0 END,
                    CASE WHEN param.overlap_rule = 'latest_start' THEN h.startdate END DESC,
                    CASE WHEN param.overlap_rule = 'longest_tenure' THEN h.startdate END ASC,
                    h.position_id DESC) AS pick
  FROM held h CROSS JOIN param
) r
JOIN positions p ON p.position_id = r.position_id
WHERE r.pick = 1;
