-- The access log becomes hash-chained (issue 11 §9): each record from here on carries its place in the chain and
-- the SHA-256 of the previous record's hash and its own canonical encoding (AccessLogChain), so removing or editing
-- one is detectable. Earlier records stay unchained (seq NULL); the verifier counts them. The head row is the chain's
-- end, rewritten once per committed batch: its row lock orders the chain between hub instances (as kiosk_heads does).
-- postgresql/V9__access_log_chain_glass_breaks.sql does the same.
ALTER TABLE access_log ADD COLUMN seq INTEGER;
ALTER TABLE access_log ADD COLUMN hash BLOB;
CREATE UNIQUE INDEX access_log_seq ON access_log (seq);
-- The DPO's filters: whose reads, newest first.
CREATE INDEX access_log_username ON access_log (username, id);

CREATE TABLE access_log_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash BLOB    NOT NULL);

-- Break the glass (issue 11 §8): a protection officer's written reason opens one household whole for 3 hours.
-- Kept here, not in memory, so every hub instance sharing the database honours it.
CREATE TABLE glass_breaks (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  username     TEXT    NOT NULL,
  household_id TEXT    NOT NULL,
  reason       TEXT    NOT NULL,
  granted_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL);
CREATE INDEX glass_breaks_grant ON glass_breaks (username, household_id, expires_at);
