-- Referrals as the hub keeps them (issue 11): one row per referral with its current state, and every event that
-- made or moved it. Times are epoch milliseconds, so a queue sorts by due time in the database.
CREATE TABLE referrals (
  referral_id  TEXT    PRIMARY KEY,
  household_id TEXT    NOT NULL,
  service      TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  urgency      TEXT    NOT NULL,
  requested_at BIGINT  NOT NULL,
  due_at       BIGINT  NOT NULL,
  basis        TEXT    NOT NULL,
  -- The referred members (by place in the household's list) with the need codes relevant to the service:
  -- [{"member":0,"needs":["SM-CI"]}], as the ReferralRequested payload has them.
  people_json  TEXT    NOT NULL,
  event_id     TEXT    NOT NULL,
  created_at   BIGINT  NOT NULL,
  updated_at   BIGINT  NOT NULL);

CREATE INDEX referrals_queue ON referrals (service, status, due_at);
CREATE INDEX referrals_household ON referrals (household_id);

CREATE TABLE referral_events (
  event_id     TEXT    PRIMARY KEY,
  referral_id  TEXT    NOT NULL REFERENCES referrals (referral_id),
  type         TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  recorded_at  BIGINT  NOT NULL,
  payload_json TEXT    NOT NULL);

CREATE INDEX referral_events_referral ON referral_events (referral_id, recorded_at);
