-- Issue 10: the hub folds kiosks' change events (reprint, reissue, correction, consent) into the households read
-- model. sqlite/V2__household_changes.sql is the same schema in SQLite's types; keep them in step.

-- Tokens replaced by a reissue: a lookup of one answers 410 TOKEN_REVOKED instead of "not found".
CREATE TABLE revoked_tokens (
  token_id     BYTEA   PRIMARY KEY,
  household_id TEXT    NOT NULL,
  event_id     TEXT    NOT NULL,
  revoked_at   BIGINT  NOT NULL);

-- What changed in each household, when, by which event: an audit trail without personal data (field names and
-- purposes, never values; no consent reason). projection_seq orders a household's entries as its kiosk's chain did.
CREATE TABLE household_history (
  event_id       TEXT    PRIMARY KEY,
  household_id   TEXT    NOT NULL,
  projection_seq BIGINT  NOT NULL,
  event_type     TEXT    NOT NULL,
  at             BIGINT  NOT NULL,
  kiosk_id       TEXT    NOT NULL,
  operator       TEXT    NOT NULL,
  summary        TEXT    NOT NULL);
CREATE INDEX household_history_household ON household_history (household_id, projection_seq);
