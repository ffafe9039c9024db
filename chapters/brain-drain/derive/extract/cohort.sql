-- The Hong Kong cohort of a Revelio extract, cut where the licensed data sits, so only the
-- cohort is downloaded (as Parquet or CSV) and fed to `greenbook derive --panel`.
-- Cohort: users whose profile country is {{home_country}} or who hold any position there.
-- Dates are compared as ISO text (CAST(... AS VARCHAR)), which works whether the columns are
-- text (Revelio's Parquet) or DATE (WRDS, Snowflake).

CREATE TABLE gb_cohort_user AS
SELECT user_id FROM {{users}} WHERE user_country = {{home_country}}
UNION
SELECT user_id FROM {{positions}} WHERE country = {{home_country}};

-- individual_position: every position of the cohort, plus the positions held on pre_date at
-- firms with a Hong Kong position then (Figure 3 counts the countries a firm employs people in).
CREATE TABLE gb_individual_position AS
SELECT p.* FROM {{positions}} p JOIN gb_cohort_user c ON c.user_id = p.user_id
UNION
SELECT p.* FROM {{positions}} p
WHERE CAST(p.startdate AS VARCHAR) <= {{pre_date}}
  AND (p.enddate IS NULL OR CAST(p.enddate AS VARCHAR) >= {{pre_date}})
  AND p.rcid IN (
    SELECT h.rcid FROM {{positions}} h
    WHERE h.country = {{home_country}} AND h.rcid IS NOT NULL
      AND CAST(h.startdate AS VARCHAR) <= {{pre_date}}
      AND (h.enddate IS NULL OR CAST(h.enddate AS VARCHAR) >= {{pre_date}}));

CREATE TABLE gb_individual_user AS
SELECT u.* FROM {{users}} u JOIN gb_cohort_user c ON c.user_id = u.user_id;

CREATE TABLE gb_individual_user_education AS
SELECT e.* FROM {{education}} e JOIN gb_cohort_user c ON c.user_id = e.user_id;

-- Table 4's cities hold about 22 million users: cut them separately, and only if Table 4 is
-- to be derived (their positions, profiles and education, as above, joined to this list).
CREATE TABLE gb_city_user AS
SELECT DISTINCT p.user_id FROM {{positions}} p
WHERE p.enddate IS NULL
  AND (lower(p.metro_area) IN ({{list city_map.value field=metro_area}}) OR p.country IN ({{list city_map.value field=country}}));
