-- The referrals report over a year of a million households (issue 12 §6) read every referral of the window (100,000)
-- on each request: close to a second on SQLite. Its counts and waits are now kept by the projector, in the
-- transaction that changes a referral, in non-identifying columns only (request day, site, service, status, wait):
-- - referral_counts: referrals by request day (UTC, YYYY-MM-DD), site, service and status, and the same per month
--   (YYYY-MM), so a year sums about a dozen rows per site, service and status (as report_counts_by_month does);
-- - referral_waits: first acceptances by request day, site, service and whole minutes from request to acceptance,
--   so the median wait over any window is exact to the minute without reading a referral.
-- The site is the household's (report_households), kept on each referral so a merge or a late count moves it, and so
-- the overdue count (open referrals past due now: it cannot be kept) filters by site within its index.
-- site '' is a referral whose household has no report facts yet: counted in every site's total until it has them.
ALTER TABLE referrals ADD COLUMN site TEXT NOT NULL DEFAULT '';

UPDATE referrals r SET site = h.site FROM report_households h WHERE h.household_id = r.household_id;

CREATE TABLE referral_counts (
  requested TEXT   NOT NULL,
  site      TEXT   NOT NULL,
  service   TEXT   NOT NULL,
  status    TEXT   NOT NULL,
  count     BIGINT NOT NULL,
  PRIMARY KEY (requested, site, service, status));

CREATE TABLE referral_counts_by_month (
  month   TEXT   NOT NULL,
  site    TEXT   NOT NULL,
  service TEXT   NOT NULL,
  status  TEXT   NOT NULL,
  count   BIGINT NOT NULL,
  PRIMARY KEY (month, site, service, status));

CREATE TABLE referral_waits (
  requested TEXT   NOT NULL,
  site      TEXT   NOT NULL,
  service   TEXT   NOT NULL,
  minutes   BIGINT NOT NULL,
  count     BIGINT NOT NULL,
  PRIMARY KEY (requested, site, service, minutes));

INSERT INTO referral_counts (requested, site, service, status, count)
  SELECT to_char(to_timestamp(requested_at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS requested, site, service,
         status, COUNT(*) FROM referrals GROUP BY 1, 2, 3, 4;

INSERT INTO referral_counts_by_month (month, site, service, status, count)
  SELECT substr(requested, 1, 7), site, service, status, SUM(count) FROM referral_counts GROUP BY 1, 2, 3, 4;

INSERT INTO referral_waits (requested, site, service, minutes, count)
  SELECT to_char(to_timestamp(requested_at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), site, service,
         (accepted_at - requested_at) / 60000, COUNT(*)
  FROM referrals WHERE accepted_at IS NOT NULL GROUP BY 1, 2, 3, 4;

-- The overdue count reads the open statuses' entries of the window only, site and service within the index.
DROP INDEX referrals_report;
CREATE INDEX referrals_open ON referrals (status, requested_at, due_at, site, service);
