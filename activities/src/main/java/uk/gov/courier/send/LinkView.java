package uk.gov.courier.send;

import java.time.Instant;
import java.util.UUID;

/**
 * One link as support staff and auditors see it: never its token. {@code state} is one of {@code
 * not_emailed}, {@code live}, {@code used}, {@code expired}, {@code revoked}. The Notify
 * notification ID shows which email carried it.
 */
public record LinkView(
    UUID id,
    String emailAddress,
    String state,
    Instant createdAt,
    Instant expiresAt,
    Instant emailedAt,
    String notifyId,
    Instant usedAt,
    String usedFrom,
    Instant revokedAt,
    String revokedReason,
    UUID replacesLinkId) {}
