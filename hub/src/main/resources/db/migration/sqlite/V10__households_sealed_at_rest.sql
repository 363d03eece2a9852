-- Personal data sealed at rest (issue 12): a household's JSON is sealed under its own data key, wrapped by the hub's
-- data key file (never in the database); it is found by token or through keyed blind-index terms. Households stored
-- in clear before this release wait in households_unsealed until the hub seals them at its next start
-- (HouseholdSealingUpgrade), which deletes each clear row as it goes. An erased household keeps its row without key
-- or data. Times are epoch milliseconds, registered_at the kiosk's text.
ALTER TABLE households RENAME TO households_unsealed;

CREATE TABLE households (
  household_id    TEXT    PRIMARY KEY,
  token_id        BLOB    NOT NULL UNIQUE,
  token_kiosk_id  TEXT    NOT NULL,
  token_issued_on TEXT    NOT NULL,
  kiosk_id        TEXT    NOT NULL,
  site            TEXT    NOT NULL,
  registered_at   TEXT    NOT NULL,
  event_id        TEXT    NOT NULL,
  key_id          TEXT    NOT NULL,
  wrapped_key     BLOB,
  sealed_json     BLOB,
  erased_at       INTEGER);

CREATE TABLE household_terms (
  term         BLOB NOT NULL,
  household_id TEXT NOT NULL,
  PRIMARY KEY (term, household_id));
CREATE INDEX household_terms_household ON household_terms (household_id);
