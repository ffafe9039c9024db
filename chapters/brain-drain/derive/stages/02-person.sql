-- Each user's place on both dates (position country first, then the profile's per
-- param.location_fallback), the sample (a place on both dates, Hong Kong on at least one), the
-- group (stayed, joined, left) and whether the deciding companies are the same; Table 4's users
-- per city, from every user's place on post_date; and everyone's salary for the salary cut.

-- Table 4's city users: each user's place on post_date (the deciding position's field, else the
-- profile's), matched against the city map's lower-cased values. Each user row meets the map once
-- per field (country, metro_area, city) in one equi-join, so only the matches are stored, not a
-- row per user. Memory decides the order: this join needs the most, so it runs first, in what the
-- pick freed; then the salaries and located; then `deciding`, the widest table, goes before the
-- rest. Freed memory is reused instead of new pages, and a first touch of memory is dear on this
-- project's VMs (src/derive/allocator-settings.ts).
CREATE TABLE city_user AS
SELECT c.ord, k.user_id, k.founder
FROM (
  SELECT p.user_id, p.founder, f.field,
         lower(CASE f.field WHEN 'country' THEN p.country WHEN 'metro_area' THEN p.metro_area ELSE p.city END) AS place
  FROM (
    SELECT u.user_id,
           COALESCE(d.country, u.user_country) AS country,
           COALESCE(d.metro_area, u.user_location) AS metro_area,
           COALESCE(d.city, u.user_location) AS city,
           CASE WHEN lower(d.title_raw) LIKE param.founder_pattern THEN 1 ELSE 0 END AS founder
    FROM users u
    CROSS JOIN param
    LEFT JOIN (SELECT user_id, country, metro_area, city, title_raw FROM deciding WHERE snap = 'post') d ON d.user_id = u.user_id
  ) p
  CROSS JOIN (SELECT 'country' AS field UNION ALL SELECT 'metro_area' AS field UNION ALL SELECT 'city' AS field) f
) k
JOIN (SELECT ord, field, lower(value) AS place FROM param_city_map) c ON c.field = k.field AND c.place = k.place;

-- Each deciding job's place: its country, else (param.location_fallback) the profile's. Only the
-- jobs without a country look up the profile, so the join's hash table holds those few rows.
CREATE VIEW placed AS
SELECT d.user_id, d.snap, d.company, d.salary, d.country AS place
FROM deciding d
WHERE d.country IS NOT NULL
UNION ALL
SELECT d.user_id, d.snap, d.company, d.salary,
       CASE WHEN param.location_fallback = 'both' THEN u.user_country
            WHEN param.location_fallback = 'post_only' AND d.snap = 'post' THEN u.user_country
       END AS place
FROM deciding d
CROSS JOIN param
LEFT JOIN users u ON u.user_id = d.user_id
WHERE d.country IS NULL;

-- The salary cut's population (03-attributes.sql): with param.salary_population 'everyone', every
-- deciding job's salary on salary_date, taken here while deciding exists (the place does not
-- matter); with 'sample', the sample's salaries, added once person exists below.
CREATE TABLE salary_population AS
SELECT CAST(ROUND(d.salary) AS BIGINT) AS salary
FROM deciding d
CROSS JOIN param
WHERE param.salary_population = 'everyone' AND d.salary IS NOT NULL
  AND d.snap = CASE WHEN param.salary_date = 'pre_date' THEN 'pre' ELSE 'post' END;

-- The sample needs a place on both dates and home_country on one, so only the jobs of people
-- placed at home on some date are kept: a fraction of every deciding job.
CREATE TABLE located AS
SELECT l.user_id, l.snap, l.company, l.salary, l.place
FROM placed l
WHERE l.user_id IN (SELECT h.user_id FROM placed h CROSS JOIN param WHERE h.place = param.home_country);

DROP VIEW placed;
DROP TABLE deciding;

CREATE TABLE person AS
SELECT a.user_id, a.place AS place_pre, b.place AS place_post,
       a.company AS company_pre, b.company AS company_post,
       CASE WHEN a.place = param.home_country AND b.place = param.home_country THEN 'stayed'
            WHEN b.place = param.home_country THEN 'joined'
            ELSE 'left' END AS grp,
       CASE WHEN a.company = b.company THEN 'same' ELSE 'different' END AS move,
       CASE WHEN param.salary_date = 'pre_date' THEN a.salary ELSE b.salary END AS salary
FROM located a
JOIN located b ON b.user_id = a.user_id AND b.snap = 'post'
CROSS JOIN param
WHERE a.snap = 'pre'
  AND a.place IS NOT NULL AND b.place IS NOT NULL
  AND (a.place = param.home_country OR b.place = param.home_country);

DROP TABLE located;

INSERT INTO salary_population
SELECT CAST(ROUND(p.salary) AS BIGINT) AS salary
FROM person p
CROSS JOIN param
WHERE param.salary_population = 'sample' AND p.salary IS NOT NULL;
