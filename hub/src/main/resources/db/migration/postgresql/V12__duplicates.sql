-- Potential duplicates and merges (issue 12 §2). A pair of households the duplicate rule scored at or above its
-- threshold waits for a supervisor as OPEN, then becomes NOT_DUPLICATE or MERGED (DHIS2's statuses); household_a sorts
-- before household_b, so a pair is found once whichever registration came second. reasons are the rule's codes, never
-- personal data. A merge redirects the merged household's tokens to the survivor (lookups follow household_merges) and
-- moves its referrals, whose ids it keeps so an unmerge moves exactly those back and deletes the row. Times are epoch
-- milliseconds.
CREATE TABLE duplicate_pairs (
  pair_id     TEXT    PRIMARY KEY,
  household_a TEXT    NOT NULL,
  household_b TEXT    NOT NULL,
  score       INTEGER NOT NULL,
  reasons     TEXT    NOT NULL,
  status      TEXT    NOT NULL,
  found_at    BIGINT  NOT NULL,
  decided_at  BIGINT,
  decided_by  TEXT,
  UNIQUE (household_a, household_b));
CREATE INDEX duplicate_pairs_status ON duplicate_pairs (status, found_at);
CREATE INDEX duplicate_pairs_b ON duplicate_pairs (household_b);

CREATE TABLE household_merges (
  merged_id       TEXT    PRIMARY KEY,
  survivor_id     TEXT    NOT NULL,
  pair_id         TEXT    NOT NULL REFERENCES duplicate_pairs (pair_id),
  moved_referrals TEXT    NOT NULL,
  event_id        TEXT    NOT NULL,
  merged_at       BIGINT  NOT NULL);
CREATE INDEX household_merges_survivor ON household_merges (survivor_id);
