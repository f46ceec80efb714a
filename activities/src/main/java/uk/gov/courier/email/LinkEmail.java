package uk.gov.courier.email;

import java.time.Instant;
import java.util.UUID;

/**
 * What an email about one link needs: the link, its address, and the file it leads to. For a
 * provider's sample, also the provider and when the send's first link was made (the return date
 * counts from then, so a resend does not move it).
 */
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
    Instant sendCreatedAt,
    String providerName,
    Instant firstLinkAt) {}
