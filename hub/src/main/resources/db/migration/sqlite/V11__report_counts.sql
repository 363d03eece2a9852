-- Reports (issue 12 §5): what they count, kept apart from personal data. Each household's facts (site, arrival date,
-- per member sex, age bracket and need categories: HouseholdFacts.encode) are taken when it is projected, so a
-- correction can move its counts; report_counts holds the running counts per arrival day, site, measure and category
-- that the reports sum. Dates are ISO-8601 text (YYYY-MM-DD), which sorts as dates do.
CREATE TABLE report_households (
  household_id TEXT    PRIMARY KEY,
  site         TEXT    NOT NULL,
  arrival      TEXT    NOT NULL,
  members      TEXT    NOT NULL);

-- measure: households | people | age-sex (category F/0-4...) | need (category SC...); category is '' when none.
CREATE TABLE report_counts (
  arrival  TEXT    NOT NULL,
  site     TEXT    NOT NULL,
  measure  TEXT    NOT NULL,
  category TEXT    NOT NULL,
  count    INTEGER NOT NULL,
  PRIMARY KEY (arrival, site, measure, category));

-- The referrals report reads referrals by the time they were requested.
CREATE INDEX referrals_requested ON referrals (requested_at);
