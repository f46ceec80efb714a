package uk.gov.courier.workflows.send;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import uk.gov.courier.workflows.common.FailureType;

/**
 * Every activity option the send workflow uses, in one place: timeouts, retry policy and
 * non-retryable failure types for each activity interface.
 *
 * <p>Two kinds of retry policy:
 *
 * <ul>
 *   <li>Steps ({@link #EXPORT}, {@link #LINKS}, {@link #EMAIL}, {@link #CLAIMS}) have capped
 *       attempts. When they run out, or a permanent {@link FailureType} is thrown, the send becomes
 *       {@link SendState#FAILED} and waits for a person to retry it.
 *   <li>Bookkeeping ({@link #RECORDS}, {@link #LINK_REVOCATION}, {@link #CLAIM_RELEASE}) is retried
 *       until it succeeds, backing off to a few minutes: these must happen, and only wait for the
 *       database to come back. A permanent failure here ends the workflow run as failed.
 * </ul>
 *
 * <p>Permanent {@link FailureType}s are never retried under any policy.
 */
public final class SendActivityOptions {

  /** Email attempts are capped so a fault never spams a recipient. */
  public static final int EMAIL_MAX_ATTEMPTS = 5;

  /** {@link SendRecordActivities}: short database writes, retried until they succeed. */
  public static final ActivityOptions RECORDS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(untilSuccess(Duration.ofSeconds(1), Duration.ofMinutes(1)))
          .build();

  /**
   * {@link ExportActivities}: may stream a million rows, so a long start-to-close and a heartbeat
   * timeout that notices a dead worker within two minutes.
   */
  public static final ActivityOptions EXPORT =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(1))
          .setHeartbeatTimeout(Duration.ofMinutes(2))
          .setRetryOptions(capped(Duration.ofSeconds(10), Duration.ofMinutes(5), 8))
          .build();

  /** {@link LinkActivities#createLinks} and {@link LinkActivities#replaceLink}. */
  public static final ActivityOptions LINKS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(capped(Duration.ofSeconds(1), Duration.ofMinutes(1), 10))
          .build();

  /** {@link LinkActivities#revokeLinks}: killing links must happen, so retried until it does. */
  public static final ActivityOptions LINK_REVOCATION =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(untilSuccess(Duration.ofSeconds(1), Duration.ofMinutes(5)))
          .build();

  /**
   * {@link EmailActivities}: one Notify call. Backs off 30 s, 60 s, 120 s, 240 s between the {@link
   * #EMAIL_MAX_ATTEMPTS} attempts (about 7.5 minutes in all), then the send fails and waits for a
   * person.
   */
  public static final ActivityOptions EMAIL =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(
              capped(Duration.ofSeconds(30), Duration.ofMinutes(5), EMAIL_MAX_ATTEMPTS))
          .build();

  /** {@link ClaimActivities#moveClaimsToSent}: one database update over the send's claims. */
  public static final ActivityOptions CLAIMS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(capped(Duration.ofSeconds(5), Duration.ofMinutes(2), 10))
          .build();

  /** {@link ClaimActivities#releaseClaims}: must happen, so retried until it does. */
  public static final ActivityOptions CLAIM_RELEASE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(untilSuccess(Duration.ofSeconds(5), Duration.ofMinutes(5)))
          .build();

  private SendActivityOptions() {}

  private static RetryOptions capped(Duration initial, Duration maximum, int attempts) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(maximum)
        .setMaximumAttempts(attempts)
        .setDoNotRetry(FailureType.permanentTypeNames())
        .build();
  }

  private static RetryOptions untilSuccess(Duration initial, Duration maximum) {
    return capped(initial, maximum, 0);
  }
}
