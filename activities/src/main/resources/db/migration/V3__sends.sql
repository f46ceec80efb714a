-- A send is one decision by support staff to share one data set; each is one
-- Temporal workflow. The database is the source of truth for what a send owns
-- (its claims) and for every link's life: a download never depends on Temporal.

CREATE TABLE sends (
    id               uuid PRIMARY KEY,
    kind             text NOT NULL,
    state            text NOT NULL,
    workflow_id      text NOT NULL UNIQUE,
    claim_window_id  bigint REFERENCES claim_windows (id),
    parent_send_id   uuid REFERENCES sends (id),
    provider_id      bigint REFERENCES providers (id),
    created_by       text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    confirmed_by     text,
    confirmed_at     timestamptz,
    cancelled_by     text,
    cancelled_at     timestamptz,
    cancel_reason    text,
    failure_step     text,
    failure_type     text,
    failure_message  text,
    failed_at        timestamptz,
    blob_name        text,
    row_count        integer,
    byte_count       bigint,
    sha256           text,
    exported_at      timestamptz,
    completed_at     timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT send_kind_known CHECK (kind IN ('payments', 'clawbacks', 'sampling')),
    CONSTRAINT send_state_known CHECK (state IN (
        'awaiting_confirmation', 'cancelled', 'unconfirmed', 'processing',
        'failed', 'links_live', 'completed')),
    CONSTRAINT payments_send_names_a_window CHECK (kind <> 'payments' OR claim_window_id IS NOT NULL),
    CONSTRAINT sha256_is_hex CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$')
);
CREATE INDEX sends_by_state ON sends (state, kind);
CREATE INDEX sends_by_parent ON sends (parent_send_id) WHERE parent_send_id IS NOT NULL;

-- The claims a send froze. A claim is in at most one open send of a kind:
-- the partial unique index is the guard, not application code.
CREATE TABLE send_claims (
    send_id        uuid NOT NULL REFERENCES sends (id),
    claim_id       bigint NOT NULL REFERENCES claims (id),
    kind           text NOT NULL,
    is_open        boolean NOT NULL DEFAULT true,
    sample_reason  text,
    PRIMARY KEY (send_id, claim_id)
);
CREATE UNIQUE INDEX claim_in_one_open_send_per_kind ON send_claims (claim_id, kind) WHERE is_open;

-- One link per recipient address. Only the SHA-256 of the token is stored.
CREATE TABLE links (
    id               uuid PRIMARY KEY,
    send_id          uuid NOT NULL REFERENCES sends (id),
    email_address    text NOT NULL,
    token_sha256     bytea NOT NULL UNIQUE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    used_at          timestamptz,
    used_from        text,
    revoked_at       timestamptz,
    revoked_reason   text,
    replaces_link_id uuid REFERENCES links (id),
    notify_id        uuid,
    emailed_at       timestamptz,
    CONSTRAINT token_hash_is_sha256 CHECK (octet_length(token_sha256) = 32),
    CONSTRAINT expiry_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX links_by_send ON links (send_id);
-- One live link per address of a send: a resend revokes the old link first.
CREATE UNIQUE INDEX one_live_link_per_address
    ON links (send_id, lower(email_address)) WHERE used_at IS NULL AND revoked_at IS NULL;

-- Append-only trail of what people and the system did.
CREATE TABLE audit_events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    actor           text NOT NULL,
    action          text NOT NULL,
    send_id         uuid REFERENCES sends (id),
    link_id         uuid REFERENCES links (id),
    outcome         text NOT NULL DEFAULT 'ok',
    detail          jsonb NOT NULL DEFAULT '{}'::jsonb,
    client_address  text,
    user_agent      text
);
CREATE INDEX audit_events_by_send ON audit_events (send_id, occurred_at);
CREATE INDEX audit_events_by_time ON audit_events (occurred_at);
