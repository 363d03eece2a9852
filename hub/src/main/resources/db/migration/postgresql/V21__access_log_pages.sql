-- A page of households read (a queue page, a referral list) is one access-log record, one link of the chain, naming
-- each household it showed and what for (the service whose referral showed it): a row per household here, by the
-- record's seq and the household's place in the page, instead of a whole chained record per household. The
-- record's hash covers them. sqlite/V21__access_log_pages.sql does the same.
CREATE TABLE access_log_households (
  seq          BIGINT  NOT NULL,
  position     INTEGER NOT NULL,
  household_id TEXT    COLLATE "C" NOT NULL,
  purpose      TEXT    NOT NULL,
  PRIMARY KEY (seq, position));
-- Who read this household: the DPO's question, now also answered by the pages that named it.
CREATE INDEX access_log_households_household ON access_log_households (household_id, seq);
