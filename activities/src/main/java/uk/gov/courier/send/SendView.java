package uk.gov.courier.send;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A send as the API and the console show it, read from PostgreSQL (so it answers while Temporal is
 * down). {@code kind} and {@code state} are the lower-case codes. {@code file} is null until the
 * export has run; {@code failure} is null unless the send failed; {@code links} is empty until
 * links exist (and in list results).
 */
public record SendView(
    UUID id,
    String kind,
    String state,
    Long claimWindowId,
    String claimWindowName,
    int claimCount,
    List<String> recipients,
    String createdBy,
    Instant createdAt,
    String confirmedBy,
    Instant confirmedAt,
    String cancelledBy,
    Instant cancelledAt,
    String cancelReason,
    Instant completedAt,
    FileView file,
    FailureView failure,
    List<LinkView> links,
    String workflowId) {}
