package uk.gov.courier.email;

import java.time.Instant;
import java.util.UUID;

/** What an email about one link needs: the link, its address, and the file it leads to. */
public record LinkEmail(
    UUID linkId,
    UUID sendId,
    String kind,
    String emailAddress,
    Integer recipientIndex,
    int recipientCount,
    Instant expiresAt,
    UUID notifyId,
    Instant emailedAt,
    Instant emailAttemptedAt,
    Long rowCount,
    String claimWindowName,
    Instant sendCreatedAt) {}
