package uk.gov.courier.links;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code links}, never with its token hash. {@code state} is derived by the database at
 * read time: {@code used}, {@code expired} (by the database's clock, or before it was revoked),
 * {@code revoked}, {@code not_emailed} or {@code live}.
 */
public record LinkRow(
    UUID id,
    UUID sendId,
    String emailAddress,
    Integer recipientIndex,
    String state,
    Instant createdAt,
    Instant expiresAt,
    Instant emailAttemptedAt,
    Instant emailedAt,
    UUID notifyId,
    String emailError,
    Instant usedAt,
    String usedFrom,
    Instant revokedAt,
    String revokedReason,
    UUID replacesLinkId) {

  public boolean isOpen() {
    return usedAt == null && revokedAt == null;
  }
}
