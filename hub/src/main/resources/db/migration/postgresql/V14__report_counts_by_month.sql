-- Reports over a year of a million households (issue 12 §6): the age-sex and needs figures are summed over the window
-- per site, so they are also kept per month, and a year's report sums about a dozen rows per site, measure and
-- category instead of 365; only the days at either end of the window that do not fill a month are read per day.
-- The projector adds to both tables in the same transaction, so they always agree. month is YYYY-MM.
CREATE TABLE report_counts_by_month (
  month    TEXT    NOT NULL,
  site     TEXT    NOT NULL,
  measure  TEXT    NOT NULL,
  category TEXT    NOT NULL,
  count    BIGINT  NOT NULL,
  PRIMARY KEY (month, site, measure, category));

INSERT INTO report_counts_by_month (month, site, measure, category, count)
  SELECT substr(arrival, 1, 7), site, measure, category, SUM(count) FROM report_counts
  GROUP BY substr(arrival, 1, 7), site, measure, category;

-- Covering indexes: each report query reads one measure's rows of the window from the index alone.
CREATE INDEX report_counts_by_measure ON report_counts (measure, arrival, site, category, count);
CREATE INDEX report_counts_by_month_measure ON report_counts_by_month (measure, month, site, category, count);
-- The referrals report counts referrals by request time, service, status and due time, and finds their acceptance.
DROP INDEX referrals_requested;
CREATE INDEX referrals_report ON referrals (requested_at, service, status, due_at, referral_id);
CREATE INDEX referral_events_status ON referral_events (referral_id, status, recorded_at);
