package uk.gov.courier.users;

import java.time.Instant;

/** A person who signs in. Never carries the password or API key themselves. */
public record User(
    long id,
    String email,
    String displayName,
    Role role,
    boolean disabled,
    Instant createdAt,
    Instant lastSignedInAt) {}
