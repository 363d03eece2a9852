-- Named accounts with roles and service scope, sessions with an idle and an absolute limit, and sign-in throttling
-- per source and per account (issue 11). sqlite/V5 is the same in SQLite's types; keep them in step.

-- The organisation a person works for, and when the account was disabled (NULL: active).
ALTER TABLE users ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN disabled_at BIGINT;

-- The services (core's service ids) an account works for: what a caseworker's need-to-know is scoped to.
CREATE TABLE user_services (
  username TEXT NOT NULL REFERENCES users (username),
  service  TEXT NOT NULL,
  PRIMARY KEY (username, service));

-- Sessions gain a public id (to list and revoke them without their secret) and a last-seen time for the idle
-- timeout. Sessions from before are dropped: their holders sign in again.
DROP TABLE sessions;
CREATE TABLE sessions (
  token_hash BYTEA   PRIMARY KEY,
  session_id TEXT    NOT NULL UNIQUE,
  username   TEXT    NOT NULL REFERENCES users (username),
  created_at BIGINT NOT NULL,
  last_seen  BIGINT NOT NULL,
  expires_at BIGINT NOT NULL);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE INDEX sessions_user ON sessions (username);

-- Failed sign-ins per source ("source:<address>") and per account ("account:<username>"); no lockout.
DROP TABLE login_throttles;
CREATE TABLE sign_in_throttles (
  throttle_key TEXT    PRIMARY KEY,
  failures     BIGINT NOT NULL,
  last_failure BIGINT NOT NULL);
