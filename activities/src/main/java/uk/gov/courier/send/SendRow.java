package uk.gov.courier.send;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code sends} with what the views need from related tables. */
public record SendRow(
    UUID id,
    String kind,
    String state,
    String workflowId,
    Long claimWindowId,
    String claimWindowName,
    String createdBy,
    Instant createdAt,
    String confirmedBy,
    Instant confirmedAt,
    String cancelledBy,
    Instant cancelledAt,
    String cancelReason,
    String failureStep,
    String failureType,
    String failureMessage,
    Instant failedAt,
    Instant failureRetryDeadline,
    String blobName,
    String filename,
    Integer rowCount,
    Long byteCount,
    String sha256,
    Instant exportedAt,
    Instant completedAt,
    int claimCount,
    List<String> recipients) {

  public SendRow {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }
}
