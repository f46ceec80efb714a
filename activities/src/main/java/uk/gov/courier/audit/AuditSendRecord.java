package uk.gov.courier.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything an auditor reads about one send, from PostgreSQL. */
public record AuditSendRecord(
    Send send,
    List<String> recipients,
    List<Link> links,
    List<String> claimReferences,
    List<AuditSendRow> children,
    List<AuditEntry> trail) {

  /** The send's own row. */
  public record Send(
      UUID id,
      String kind,
      String state,
      String workflowId,
      UUID parentSendId,
      String createdBy,
      Instant createdAt,
      String confirmedBy,
      Instant confirmedAt,
      String cancelledBy,
      Instant cancelledAt,
      String cancelReason,
      String failureStep,
      String failureMessage,
      Instant failedAt,
      String filename,
      Integer rowCount,
      Long byteCount,
      String sha256,
      Instant exportedAt,
      Instant completedAt,
      String historyBlobName,
      Instant historyArchivedAt) {}

  /** One link: to whom, when made, used (and from where), and when it died. */
  public record Link(
      UUID id,
      String emailAddress,
      Instant createdAt,
      Instant emailedAt,
      Instant expiresAt,
      Instant usedAt,
      String usedFrom,
      Instant revokedAt,
      String revokedReason) {}
}
