package uk.gov.courier.send;

import java.time.Instant;

/**
 * Why a send failed: the step, the failure type (a {@code FailureType} name), a message for support
 * staff, and until when it can be retried.
 */
public record FailureView(
    String step, String type, String message, Instant failedAt, Instant retryDeadline) {}
