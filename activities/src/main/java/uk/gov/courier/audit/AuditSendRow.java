package uk.gov.courier.audit;

import java.time.Instant;
import java.util.UUID;

/** One send in the auditor's list. */
public record AuditSendRow(
    UUID id,
    String kind,
    String state,
    UUID parentSendId,
    String createdBy,
    Instant createdAt,
    String confirmedBy,
    Instant confirmedAt,
    long claimCount,
    String recipients) {}
