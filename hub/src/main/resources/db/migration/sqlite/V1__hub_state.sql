-- Everything the hub knows (issue 9). Times are epoch milliseconds (UTC) except registered_at, kept as the kiosk
-- wrote it (ISO-8601). postgresql/V1__hub_state.sql is the same schema in PostgreSQL's types; keep them in step.

-- Events as kiosks signed them. position is the order they were stored in; projection_seq is the gap-free order
-- the single projector gives them once they are committed (see EventRepository.sequenceForProjection).
CREATE TABLE events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id       TEXT    NOT NULL UNIQUE,
  kiosk_id       TEXT    NOT NULL,
  sequence       INTEGER NOT NULL,
  hash           BLOB    NOT NULL,
  envelope       BLOB    NOT NULL,
  received_at    INTEGER NOT NULL,
  projection_seq INTEGER UNIQUE,
  UNIQUE (kiosk_id, sequence));
CREATE INDEX events_awaiting_sequence ON events (position) WHERE projection_seq IS NULL;

CREATE TABLE kiosk_heads (
  kiosk_id TEXT    PRIMARY KEY,
  sequence INTEGER NOT NULL,
  hash     BLOB    NOT NULL);

CREATE TABLE kiosk_sync (
  kiosk_id     TEXT    PRIMARY KEY,
  last_contact INTEGER NOT NULL,
  gaps         INTEGER NOT NULL DEFAULT 0,
  forks        INTEGER NOT NULL DEFAULT 0);

CREATE TABLE sync_incidents (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  kiosk_id TEXT    NOT NULL,
  at       INTEGER NOT NULL,
  reason   TEXT    NOT NULL,
  sequence INTEGER NOT NULL,
  detail   TEXT    NOT NULL);
CREATE INDEX sync_incidents_kiosk ON sync_incidents (kiosk_id, id);

CREATE TABLE households (
  household_id    TEXT    PRIMARY KEY,
  token_id        BLOB    NOT NULL UNIQUE,
  token_kiosk_id  TEXT    NOT NULL,
  token_issued_on TEXT    NOT NULL,
  kiosk_id        TEXT    NOT NULL,
  site            TEXT    NOT NULL,
  registered_at   TEXT    NOT NULL,
  household_json  TEXT    NOT NULL,
  event_id        TEXT    NOT NULL);

CREATE TABLE projection_cursors (
  projection TEXT    PRIMARY KEY,
  position   INTEGER NOT NULL);

CREATE TABLE projection_failures (
  event_id  TEXT    PRIMARY KEY,
  reason    TEXT    NOT NULL,
  failed_at INTEGER NOT NULL);

CREATE TABLE users (
  username      TEXT    PRIMARY KEY,
  password_hash TEXT    NOT NULL,
  role          TEXT    NOT NULL,
  created_at    INTEGER NOT NULL);

CREATE TABLE sessions (
  token_hash BLOB    PRIMARY KEY,
  username   TEXT    NOT NULL REFERENCES users (username),
  expires_at INTEGER NOT NULL);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE login_throttles (
  username     TEXT    PRIMARY KEY,
  failures     INTEGER NOT NULL,
  window_start INTEGER NOT NULL);

CREATE TABLE access_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           INTEGER NOT NULL,
  username     TEXT    NOT NULL,
  action       TEXT    NOT NULL,
  household_id TEXT    NOT NULL);

CREATE TABLE feed_updates (
  position     INTEGER PRIMARY KEY AUTOINCREMENT,
  kiosk_id     TEXT,
  kind         TEXT    NOT NULL,
  body         TEXT    NOT NULL,
  published_at INTEGER NOT NULL);
CREATE INDEX feed_updates_kiosk ON feed_updates (kiosk_id, position);

CREATE TABLE feed_nonces (
  nonce        TEXT    PRIMARY KEY,
  forget_after INTEGER NOT NULL);
CREATE INDEX feed_nonces_expiry ON feed_nonces (forget_after);

CREATE TABLE enrollment_codes (
  code_hash  BLOB    PRIMARY KEY,
  kiosk_id   TEXT    NOT NULL UNIQUE,
  site       TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER);

-- The kiosk directory: what kiosks/<id>.json held before, the registry, and revocations, in one row per kiosk.
CREATE TABLE kiosks (
  kiosk_id          TEXT    PRIMARY KEY,
  site              TEXT    NOT NULL,
  public_key        TEXT    NOT NULL,
  enrolled_at       INTEGER NOT NULL,
  software_version  TEXT    NOT NULL,
  certificate_pem   TEXT    NOT NULL,
  revoked_at        INTEGER,
  wipe              INTEGER NOT NULL DEFAULT 0,
  revocation_reason TEXT);

CREATE TABLE site_operators (
  site            TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  role            TEXT    NOT NULL,
  passphrase_hash TEXT    NOT NULL,
  updated_at      INTEGER NOT NULL,
  PRIMARY KEY (site, name));
