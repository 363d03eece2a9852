-- Data-subject requests and retention (issue 12 §3-4). postgresql/V13 is the same schema in PostgreSQL's types.

-- A household whose processing the DPO restricted: while its row is here caseworkers' lookups answer RESTRICTED,
-- its referrals cannot move and show as suspended. event_id is the HouseholdRestricted hub event; lifting deletes
-- the row (the HouseholdRestrictionLifted event keeps the history). Times are epoch milliseconds.
CREATE TABLE household_restrictions (
  household_id  TEXT    PRIMARY KEY,
  restricted_at INTEGER NOT NULL,
  restricted_by TEXT    NOT NULL,
  event_id      TEXT    NOT NULL);

-- A referral whose notes and reasons were cut from its history (and from the hub events that carried them): at an
-- erasure of its household, or by the retention job once closed long enough. cause: ERASED or RETENTION.
CREATE TABLE referral_redactions (
  referral_id TEXT    PRIMARY KEY REFERENCES referrals (referral_id),
  redacted_at INTEGER NOT NULL,
  cause       TEXT    NOT NULL);

-- The retention job finds closed referrals by their last change.
CREATE INDEX referrals_updated ON referrals (updated_at);
