-- Recipients' downloads (docs/decisions/0003-download-confirmation.md).
--
-- A download uses its link in one conditional UPDATE (links.used_at). The file
-- then streams; only when its last byte is written is the use final
-- (delivered_at). A stream that fails first gives the link back (used_at set
-- to NULL again by a conditional UPDATE). The send's workflow is told of each
-- final use by a Signal, retried until it lands (use_signalled_at).

-- delivered_at: the last byte of the file was written to the recipient.
-- use_signalled_at: the send's workflow has been told of the use, or there was
--   no running workflow to tell (use_signal_result says which).
ALTER TABLE links ADD COLUMN delivered_at timestamptz;
ALTER TABLE links ADD COLUMN use_signalled_at timestamptz;
ALTER TABLE links ADD COLUMN use_signal_result text;
ALTER TABLE links ADD CONSTRAINT link_delivered_only_when_used
    CHECK (delivered_at IS NULL OR used_at IS NOT NULL);
ALTER TABLE links ADD CONSTRAINT link_use_signal_result_known
    CHECK (use_signal_result IS NULL OR use_signal_result IN ('signalled', 'no_running_workflow'));

-- What the use notifier sweeps: delivered, not yet told to the workflow.
CREATE INDEX links_awaiting_use_signal ON links (delivered_at)
    WHERE delivered_at IS NOT NULL AND use_signalled_at IS NULL;
-- Downloads in flight (used, not delivered): a process that died mid-stream
-- leaves these behind, and the notifier gives them back after a while.
CREATE INDEX links_downloads_in_flight ON links (used_at)
    WHERE used_at IS NOT NULL AND delivered_at IS NULL;

-- Every request to a download address, whatever its outcome: time, link (when
-- the token named one), outcome, client address, user agent. Never the token,
-- never the address a visitor typed. Rate limits count the rows marked
-- counted (failed guesses) in PostgreSQL, so any number of web instances
-- behave as one.
CREATE TABLE download_attempts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    link_id         uuid REFERENCES links (id),
    method          text NOT NULL,
    outcome         text NOT NULL,
    counted         boolean NOT NULL DEFAULT false,
    client_address  text NOT NULL,
    user_agent      text,
    request_id      text,
    finished_at     timestamptz,
    bytes_sent      bigint,
    CONSTRAINT download_attempt_method_known CHECK (method IN ('GET', 'HEAD', 'POST')),
    CONSTRAINT download_attempt_outcome_known CHECK (outcome IN (
        'viewed',              -- the landing page was shown; nothing changed
        'unknown_link',        -- no link has this token (or it is not a token at all)
        'already_used',
        'expired',
        'revoked',
        'too_many_attempts',   -- refused by a rate limit
        'bad_form_token',      -- the form did not come from this link's page (CSRF)
        'address_missing',     -- nothing, or not an email address, was typed
        'wrong_address',       -- an address that is not the link's
        'file_unavailable',    -- blob storage could not give the file; the link is untouched
        'streaming',           -- the link was used and the file is on its way
        'downloaded',          -- the last byte was written
        'stream_failed',       -- the stream broke before the last byte; the link was given back
        'stream_abandoned')),  -- the process streaming it stopped; the link was given back later
    CONSTRAINT download_attempt_bytes_not_negative CHECK (bytes_sent IS NULL OR bytes_sent >= 0)
);
CREATE INDEX download_attempts_by_link ON download_attempts (link_id, occurred_at);
CREATE INDEX download_attempts_counted_by_link ON download_attempts (link_id, occurred_at)
    WHERE counted;
CREATE INDEX download_attempts_counted_by_client ON download_attempts (client_address, occurred_at)
    WHERE counted;
CREATE INDEX download_attempts_by_time ON download_attempts (occurred_at);
