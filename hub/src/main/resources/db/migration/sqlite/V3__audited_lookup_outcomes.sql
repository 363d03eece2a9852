-- The access log records failed and forged lookups too (issue 9): how each ended, and the household only when one
-- was shown. SQLite cannot drop a NOT NULL, so the table is rebuilt; every earlier row was a household shown.
-- postgresql/V3__audited_lookup_outcomes.sql does the same in place (and puts ids in the "C" collation, which
-- SQLite's BINARY collation already is).
CREATE TABLE access_log_v3 (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           INTEGER NOT NULL,
  username     TEXT    NOT NULL,
  action       TEXT    NOT NULL,
  outcome      TEXT    NOT NULL,
  household_id TEXT);
INSERT INTO access_log_v3 (id, at, username, action, outcome, household_id)
  SELECT id, at, username, action, 'FOUND', household_id FROM access_log;
DROP TABLE access_log;
ALTER TABLE access_log_v3 RENAME TO access_log;
-- Who read this household: the question an audit asks.
CREATE INDEX access_log_household ON access_log (household_id);
