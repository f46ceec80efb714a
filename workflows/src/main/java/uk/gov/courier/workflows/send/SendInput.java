package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * What starts a {@link SendWorkflow}. Build it with {@link #of} and the {@code with...} methods.
 *
 * @param sendId the send's ID; the workflow ID is {@link SendWorkflowContract#workflowId}
 * @param kind what is sent
 * @param createdBy email address of the support user who started the send
 * @param confirmationTimeout how long to wait for a confirmation before closing the send as {@link
 *     SendState#UNCONFIRMED}; default {@link #DEFAULT_CONFIRMATION_TIMEOUT}
 * @param linkLifetime how long each download link lives from when it is made; default {@link
 *     #DEFAULT_LINK_LIFETIME}
 * @param retryWindow how long a {@link SendState#FAILED} send waits for a {@code retry} before it
 *     closes for good; default {@link #DEFAULT_RETRY_WINDOW}
 * @param requireSecondPerson when true, {@code createdBy} may not confirm the send
 * @param preConfirmedBy null normally. When set, the send counts as already confirmed by this
 *     person and skips the confirmation wait: a parent workflow that was confirmed once (provider
 *     sampling) starts one child send per provider with it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendInput(
    UUID sendId,
    SendKind kind,
    String createdBy,
    Duration confirmationTimeout,
    Duration linkLifetime,
    Duration retryWindow,
    boolean requireSecondPerson,
    String preConfirmedBy) {

  public static final Duration DEFAULT_CONFIRMATION_TIMEOUT = Duration.ofDays(7);
  public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofDays(7);
  public static final Duration DEFAULT_RETRY_WINDOW = Duration.ofDays(7);

  public SendInput {
    Objects.requireNonNull(sendId, "sendId");
    Objects.requireNonNull(kind, "kind");
    if (createdBy == null || createdBy.isBlank()) {
      throw new IllegalArgumentException("createdBy must name the person who started the send");
    }
    confirmationTimeout = positiveOr(confirmationTimeout, DEFAULT_CONFIRMATION_TIMEOUT);
    linkLifetime = positiveOr(linkLifetime, DEFAULT_LINK_LIFETIME);
    retryWindow = positiveOr(retryWindow, DEFAULT_RETRY_WINDOW);
    if (preConfirmedBy != null && preConfirmedBy.isBlank()) {
      preConfirmedBy = null;
    }
  }

  /** A send with the default timeouts, no second-person rule, awaiting confirmation. */
  public static SendInput of(UUID sendId, SendKind kind, String createdBy) {
    return new SendInput(sendId, kind, createdBy, null, null, null, false, null);
  }

  public SendInput withConfirmationTimeout(Duration timeout) {
    return new SendInput(
        sendId,
        kind,
        createdBy,
        timeout,
        linkLifetime,
        retryWindow,
        requireSecondPerson,
        preConfirmedBy);
  }

  public SendInput withLinkLifetime(Duration lifetime) {
    return new SendInput(
        sendId,
        kind,
        createdBy,
        confirmationTimeout,
        lifetime,
        retryWindow,
        requireSecondPerson,
        preConfirmedBy);
  }

  public SendInput withRetryWindow(Duration window) {
    return new SendInput(
        sendId,
        kind,
        createdBy,
        confirmationTimeout,
        linkLifetime,
        window,
        requireSecondPerson,
        preConfirmedBy);
  }

  public SendInput withRequireSecondPerson(boolean required) {
    return new SendInput(
        sendId,
        kind,
        createdBy,
        confirmationTimeout,
        linkLifetime,
        retryWindow,
        required,
        preConfirmedBy);
  }

  public SendInput withPreConfirmedBy(String confirmedBy) {
    return new SendInput(
        sendId,
        kind,
        createdBy,
        confirmationTimeout,
        linkLifetime,
        retryWindow,
        requireSecondPerson,
        confirmedBy);
  }

  private static Duration positiveOr(Duration value, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("durations must be positive, not " + value);
    }
    return value;
  }
}
