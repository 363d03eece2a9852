-- How many referrals each service has in each status (issue 11), kept in the transaction that adds or changes a
-- referral. A queue page shows these counts on every load and redraw; counting them from the referrals instead reads
-- every referral of the service (37,500 each at 300,000 open), which kept the page far from its 100 ms at p99.
CREATE TABLE referral_status_counts (
  service TEXT    NOT NULL,
  status  TEXT    NOT NULL,
  total   INTEGER NOT NULL,
  PRIMARY KEY (service, status));

INSERT INTO referral_status_counts (service, status, total)
  SELECT service, status, COUNT(*) FROM referrals GROUP BY service, status;
