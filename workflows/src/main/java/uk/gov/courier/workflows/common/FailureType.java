package uk.gov.courier.workflows.common;

import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;

/**
 * Why an activity failed, as one closed list shared by workflows, activities and the API.
 *
 * <p>Activities report a failure they understand by throwing {@code type.failure(message)}: an
 * {@link ApplicationFailure} whose type is this enum's name. Permanent types are non-retryable, so
 * Temporal stops at once; retryable ones are retried under the activity's retry policy (see {@code
 * SendActivityOptions}). Any other exception thrown by an activity is retried and, when the
 * attempts run out, reported to people as {@link #UNEXPECTED}.
 *
 * <p>Failure messages are stored in workflow history and shown to support staff: they must never
 * hold a download token, an API key or a recipient's personal data.
 */
public enum FailureType {
  /** The send owns no claims, so there is nothing to export. */
  NO_CLAIMS(false, "The send has no claims to export."),
  /** No recipient address is configured for the send. */
  NO_RECIPIENTS(false, "No recipient email addresses are configured for this send."),
  /** The claims could not be turned into a file (bad data, a bug): retrying will not help. */
  EXPORT_FAILED(false, "The claims could not be written to a file."),
  /** The blob store could not be reached or timed out. */
  BLOB_STORE_UNAVAILABLE(true, "The file store could not be reached."),
  /** The blob store refused the request (credentials, missing container). */
  BLOB_STORE_REJECTED(
      false, "The file store refused the file: check its configuration and credentials."),
  /** PostgreSQL could not be reached or timed out. */
  DATABASE_UNAVAILABLE(true, "The database could not be reached."),
  /** Claims owned by the send are no longer in the state the step expects. */
  CLAIMS_CHANGED(false, "Some claims in this send are no longer in the state the send expects."),
  /** GOV.UK Notify answered 400 or 403: the template, API key or address is wrong. */
  NOTIFY_REJECTED(
      false,
      "GOV.UK Notify refused the email (HTTP 400 or 403): check the template, the API key and the"
          + " recipient address."),
  /** GOV.UK Notify answered 429 or 5xx, or could not be reached. */
  NOTIFY_UNAVAILABLE(
      true, "GOV.UK Notify could not be reached or asked Courier to slow down (HTTP 429 or 5xx)."),
  /** The activity did not finish within its timeout on any attempt. */
  TIMED_OUT(true, "The step did not finish in time."),
  /** Anything not listed above. */
  UNEXPECTED(true, "Something unexpected went wrong.");

  private final boolean retryable;
  private final String description;

  FailureType(boolean retryable, String description) {
    this.retryable = retryable;
    this.description = description;
  }

  /** True when trying again later may succeed; false when a person must fix the cause first. */
  public boolean retryable() {
    return retryable;
  }

  /** A sentence for support staff saying what this type of failure means. */
  public String description() {
    return description;
  }

  /**
   * The failure an activity throws for this type: non-retryable when the type is permanent.
   *
   * @param message what happened, for support staff (no tokens, keys or personal data)
   */
  public ApplicationFailure failure(String message) {
    return retryable
        ? ApplicationFailure.newFailure(message, name())
        : ApplicationFailure.newNonRetryableFailure(message, name());
  }

  /** As {@link #failure(String)}, keeping the exception that caused it. */
  public ApplicationFailure failure(String message, Throwable cause) {
    return retryable
        ? ApplicationFailure.newFailureWithCause(message, name(), cause)
        : ApplicationFailure.newNonRetryableFailureWithCause(message, name(), cause);
  }

  /** The type named by an {@link ApplicationFailure#getType()}; {@link #UNEXPECTED} if none. */
  public static FailureType fromType(String type) {
    return Arrays.stream(values())
        .filter(t -> t.name().equals(type))
        .findFirst()
        .orElse(UNEXPECTED);
  }

  /** The names of the permanent types, for {@code RetryOptions.setDoNotRetry}. */
  public static String[] permanentTypeNames() {
    return Arrays.stream(values()).filter(t -> !t.retryable).map(Enum::name).toArray(String[]::new);
  }
}
