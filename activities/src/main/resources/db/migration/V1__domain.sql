-- The grant programme's domain: claim windows, schools, accredited providers,
-- mentors, claims and the mentor trainings they pay for.
-- The payer's email addresses are configuration, not data.

CREATE TABLE claim_windows (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    starts_on  date NOT NULL,
    ends_on    date NOT NULL,
    CONSTRAINT claim_window_dates_in_order CHECK (ends_on >= starts_on)
);

CREATE TABLE schools (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    urn                    text NOT NULL UNIQUE,
    name                   text NOT NULL,
    postcode               text NOT NULL,
    local_authority        text NOT NULL,
    type_of_establishment  text NOT NULL,
    school_group           text NOT NULL,
    CONSTRAINT school_urn_is_six_digits CHECK (urn ~ '^[0-9]{6}$'),
    CONSTRAINT school_name_not_blank CHECK (btrim(name) <> '')
);

CREATE TABLE providers (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code   text NOT NULL UNIQUE,
    name   text NOT NULL,
    CONSTRAINT provider_name_not_blank CHECK (btrim(name) <> '')
);

CREATE TABLE provider_email_addresses (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id    bigint NOT NULL REFERENCES providers (id),
    email_address  text NOT NULL,
    CONSTRAINT provider_email_looks_like_email CHECK (email_address ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
);
CREATE UNIQUE INDEX provider_email_unique_per_provider
    ON provider_email_addresses (provider_id, lower(email_address));

CREATE TABLE mentors (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trn         text NOT NULL UNIQUE,
    first_name  text NOT NULL,
    last_name   text NOT NULL,
    CONSTRAINT mentor_trn_is_seven_digits CHECK (trn ~ '^[0-9]{7}$')
);

-- Every claim status the programme uses (shared/DESIGN.md).
CREATE TABLE claims (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference              text NOT NULL UNIQUE,
    school_id              bigint NOT NULL REFERENCES schools (id),
    provider_id            bigint NOT NULL REFERENCES providers (id),
    claim_window_id        bigint NOT NULL REFERENCES claim_windows (id),
    status                 text NOT NULL,
    submitted_at           timestamptz,
    amount_pence           bigint NOT NULL,
    clawback_amount_pence  bigint,
    CONSTRAINT claim_reference_is_eight_digits CHECK (reference ~ '^[0-9]{8}$'),
    CONSTRAINT claim_status_known CHECK (status IN (
        'draft',
        'submitted',
        'payment_in_progress',
        'payment_information_requested',
        'paid',
        'sampling_in_progress',
        'provider_rejected',
        'clawback_requested',
        'clawback_in_progress',
        'clawback_complete')),
    CONSTRAINT claim_amount_not_negative CHECK (amount_pence >= 0),
    CONSTRAINT clawback_amount_within_claim CHECK (
        clawback_amount_pence IS NULL
        OR (clawback_amount_pence > 0 AND clawback_amount_pence <= amount_pence)),
    CONSTRAINT submitted_claims_have_a_date CHECK (status = 'draft' OR submitted_at IS NOT NULL)
);
CREATE INDEX claims_by_status_and_window ON claims (status, claim_window_id);
CREATE INDEX claims_by_provider ON claims (provider_id);

CREATE TABLE mentor_trainings (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id           bigint NOT NULL REFERENCES claims (id),
    mentor_id          bigint NOT NULL REFERENCES mentors (id),
    hours_of_training  integer NOT NULL,
    CONSTRAINT training_hours_in_range CHECK (hours_of_training BETWEEN 1 AND 20),
    CONSTRAINT one_training_per_mentor_per_claim UNIQUE (claim_id, mentor_id)
);
CREATE INDEX mentor_trainings_by_mentor ON mentor_trainings (mentor_id);
