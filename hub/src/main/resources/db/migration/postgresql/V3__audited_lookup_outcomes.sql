-- The access log records failed and forged lookups too (issue 9): how each ended, and the household only when one
-- was shown. Every earlier row was a household shown. sqlite/V3__audited_lookup_outcomes.sql does the same.
ALTER TABLE access_log ADD COLUMN outcome TEXT NOT NULL DEFAULT 'FOUND';
ALTER TABLE access_log ALTER COLUMN outcome DROP DEFAULT;
ALTER TABLE access_log ALTER COLUMN household_id DROP NOT NULL;
-- Who read this household: the question an audit asks.
CREATE INDEX access_log_household ON access_log (household_id);
