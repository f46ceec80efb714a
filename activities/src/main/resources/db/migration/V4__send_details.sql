-- What the send workflow's activities need beyond V3.

-- The exported file's name as recipients see it (blob_name holds the full path),
-- and until when a failed send can be retried.
ALTER TABLE sends ADD COLUMN filename text;
ALTER TABLE sends ADD COLUMN failure_retry_deadline timestamptz;

-- The addresses a send goes to, frozen when it is created, so the confirmation
-- screen shows exactly who will receive the file and a configuration change
-- cannot redirect a send already started.
CREATE TABLE send_recipients (
    send_id        uuid NOT NULL REFERENCES sends (id),
    position       integer NOT NULL,
    email_address  text NOT NULL,
    PRIMARY KEY (send_id, position),
    CONSTRAINT recipient_position_not_negative CHECK (position >= 0),
    CONSTRAINT recipient_email_looks_like_email CHECK (email_address ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
);
CREATE UNIQUE INDEX send_recipient_address_once ON send_recipients (send_id, lower(email_address));

-- recipient_index: the address's position in send_recipients.
-- email_attempted_at: set before the first call to Notify, so a retried email
--   activity knows it must look the reference up before sending again.
-- email_error: why the last attempt to email the link failed, for support staff.
ALTER TABLE links ADD COLUMN recipient_index integer;
ALTER TABLE links ADD COLUMN email_attempted_at timestamptz;
ALTER TABLE links ADD COLUMN email_error text;
ALTER TABLE links ADD CONSTRAINT link_recipient_index_not_negative
    CHECK (recipient_index IS NULL OR recipient_index >= 0);

-- Activities run at least once: an event written by one carries a key, so a
-- retried activity cannot append it twice. Events written by people's requests
-- have no key.
ALTER TABLE audit_events ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX audit_events_once ON audit_events (idempotency_key);
