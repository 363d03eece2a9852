-- The referrals report's median wait reads each referral's first acceptance from the referral's own row: finding it
-- among every referral's events on each request cost a probe of referral_events per referral in the window (a
-- second and more at 100,000 referrals). The projector keeps it with each ACCEPTED event; existing rows are filled
-- here from their events.
ALTER TABLE referrals ADD COLUMN accepted_at INTEGER;

UPDATE referrals SET accepted_at = (SELECT MIN(e.recorded_at) FROM referral_events e
  WHERE e.referral_id = referrals.referral_id AND e.status = 'ACCEPTED');

-- Both halves of the report (counts by service and status with those overdue; waits to acceptance) read this one
-- index over the window, never the table.
DROP INDEX referrals_report;
CREATE INDEX referrals_report ON referrals (requested_at, service, status, due_at, accepted_at);

-- Only the report's join with the events used it (the update above was its last use).
DROP INDEX referral_events_status;
