-- Signing in to the console (docs/security.md "Signing in to the console").
--
-- Nothing about a sign-in lives in one web instance's memory: sessions and the
-- counts of failed sign-ins are here, so any number of web instances behind a
-- load balancer behave as one.

-- A session is a random 256-bit ID held in an HttpOnly cookie. Only its
-- SHA-256 is stored, so a copy of this table signs no one in. The idle and
-- absolute timeouts come from configuration and are checked by the one UPDATE
-- that resumes a session (last_seen_at, created_at), so a changed timeout
-- applies to sessions already open. Signing in always makes a new row (the
-- session ID changes at sign-in); signing out deletes it.
CREATE TABLE console_sessions (
    id_sha256     bytea PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT session_id_hash_is_sha256 CHECK (octet_length(id_sha256) = 32)
);
CREATE INDEX console_sessions_by_user ON console_sessions (user_id);
CREATE INDEX console_sessions_by_creation ON console_sessions (created_at);

-- Failed sign-ins, counted per email address typed, whether or not a user has
-- that address, so neither the answer nor its timing says which accounts
-- exist. The key is the SHA-256 of the lower-cased address. failures counts
-- failures in a row; reaching the configured limit sets locked_until and
-- starts the count again. A successful sign-in deletes the row.
CREATE TABLE sign_in_throttles (
    email_sha256     bytea PRIMARY KEY,
    failures         integer NOT NULL,
    last_failure_at  timestamptz NOT NULL,
    locked_until     timestamptz,
    CONSTRAINT throttle_key_is_sha256 CHECK (octet_length(email_sha256) = 32),
    CONSTRAINT throttle_failures_not_negative CHECK (failures >= 0)
);
CREATE INDEX sign_in_throttles_by_last_failure ON sign_in_throttles (last_failure_at);

-- V2's per-user counters gave way to sign_in_throttles, which also counts
-- addresses that belong to no one.
ALTER TABLE users DROP COLUMN failed_sign_ins;
ALTER TABLE users DROP COLUMN locked_until;
ALTER TABLE users ADD COLUMN last_signed_in_at timestamptz;
