-- People who sign in to the console or call the JSON API.
-- Passwords are stored as Argon2id hashes (PHC string format); API keys as
-- SHA-256 hashes of a 256-bit random key, so a leaked table reveals neither.

CREATE TABLE users (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               text NOT NULL,
    display_name        text NOT NULL,
    role                text NOT NULL,
    password_hash       text NOT NULL,
    api_key_hash        text UNIQUE,
    disabled            boolean NOT NULL DEFAULT false,
    failed_sign_ins     integer NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_role_known CHECK (role IN ('support', 'auditor', 'admin')),
    CONSTRAINT user_email_looks_like_email CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    CONSTRAINT password_hash_is_argon2id CHECK (password_hash LIKE '$argon2id$%')
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
