-- Provider sampling (issue 6): uploaded samples, the parent/child sends they
-- become, and the pace at which Courier may call GOV.UK Notify.

-- Every sample support upload, whatever became of it. A file refused before
-- it could be read as CSV (empty, too big, not a CSV, not UTF-8) is recorded
-- with file_error and no blob (a file too big to read has no sha256 or
-- byte_count either); a file that was read is kept, exactly as uploaded, in
-- the private container under blob_name (samples/<id>/sample.csv).
-- status: valid (no errors: can be confirmed), invalid (file_error or row
-- errors), confirmed (a sampling send was made from it: send_id).
CREATE TABLE sample_uploads (
    id            uuid PRIMARY KEY,
    filename      text NOT NULL,
    content_type  text,
    sha256        text,
    byte_count    bigint,
    uploaded_by   text NOT NULL,
    uploaded_at   timestamptz NOT NULL DEFAULT now(),
    blob_name     text,
    status        text NOT NULL,
    row_count     integer NOT NULL DEFAULT 0,
    error_count   integer NOT NULL DEFAULT 0,
    file_error    text,
    send_id       uuid UNIQUE REFERENCES sends (id),
    confirmed_by  text,
    confirmed_at  timestamptz,
    CONSTRAINT sample_upload_status_known CHECK (status IN ('valid', 'invalid', 'confirmed')),
    CONSTRAINT sample_upload_sha256_is_hex CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT sample_upload_bytes_not_negative CHECK (byte_count IS NULL OR byte_count >= 0),
    CONSTRAINT sample_upload_read_files_are_kept CHECK (
        file_error IS NOT NULL OR (blob_name IS NOT NULL AND sha256 IS NOT NULL)),
    CONSTRAINT sample_upload_confirmed_has_send CHECK (
        (status = 'confirmed') = (send_id IS NOT NULL AND confirmed_by IS NOT NULL)),
    CONSTRAINT sample_upload_valid_has_no_errors CHECK (
        status = 'invalid' OR (error_count = 0 AND file_error IS NULL)),
    CONSTRAINT sample_upload_counts_not_negative CHECK (row_count >= 0 AND error_count >= 0)
);
CREATE INDEX sample_uploads_by_time ON sample_uploads (uploaded_at);

-- The rows of an upload that could be read, one per spreadsheet row that is
-- not blank. row_number is the row as a spreadsheet numbers it (the header is
-- row 1). claim_id is the claim the reference named, when there is one;
-- errors are the sentences support saw for that row (empty when it is fine).
CREATE TABLE sample_upload_rows (
    upload_id        uuid NOT NULL REFERENCES sample_uploads (id),
    row_number       integer NOT NULL,
    claim_reference  text NOT NULL,
    sample_reason    text NOT NULL,
    claim_id         bigint REFERENCES claims (id),
    errors           text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (upload_id, row_number),
    CONSTRAINT sample_row_number_after_header CHECK (row_number >= 2)
);

-- A sampling send is a parent (no provider) with one child send per provider.
-- A child belongs to a sampling parent and names its provider; a provider has
-- at most one child per parent.
ALTER TABLE sends ADD CONSTRAINT send_child_is_a_provider_sample CHECK (
    parent_send_id IS NULL OR (kind = 'sampling' AND provider_id IS NOT NULL));
CREATE UNIQUE INDEX one_send_per_provider_per_sample
    ON sends (parent_send_id, provider_id) WHERE parent_send_id IS NOT NULL;

-- Courier paces its calls to Notify so that every worker together stays under
-- the service's rate limit (docs/decisions/0006-sampling-parent-child.md): a
-- generic cell rate limiter whose only state is when the next message may go.
-- Each email takes the next slot with one conditional UPDATE.
CREATE TABLE notify_rate_limits (
    name          text PRIMARY KEY,
    next_slot_at  timestamptz NOT NULL
);
