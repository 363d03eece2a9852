-- Referral queues (issue 11): a page of a service's referrals soonest due first, after a keyset cursor (due time,
-- referral id), with or without a status, stays an index range scan at 300,000 open referrals.
DROP INDEX referrals_queue;
CREATE INDEX referrals_queue ON referrals (service, status, due_at, referral_id);
CREATE INDEX referrals_due ON referrals (service, due_at, referral_id);

-- One row per service: a counter every change to one of its referrals raises, in the transaction that makes the
-- change, whichever hub instance makes it. A queue page polls it to learn that something changed.
CREATE TABLE referral_service_changes (
  service    TEXT    PRIMARY KEY,
  version    BIGINT  NOT NULL,
  changed_at BIGINT  NOT NULL);

INSERT INTO referral_service_changes (service, version, changed_at)
  SELECT service, COUNT(*), MAX(updated_at) FROM referrals GROUP BY service;
