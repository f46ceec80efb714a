package uk.gov.courier.workflows.sampling;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.send.SendActivityOptions;

/**
 * The options of the sampling workflow's own activities. The activities it shares with every send
 * ({@code SendRecordActivities}, {@code ClaimActivities}) use {@link SendActivityOptions}.
 */
public final class SamplingActivityOptions {

  /**
   * {@link SamplingActivities#createProviderSends}: one transaction over at most a few thousand
   * rows. It only waits for the database, so it is retried until it succeeds; a permanent failure
   * ends the sampling send as failed.
   */
  public static final ActivityOptions PROVIDER_SENDS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(0)
                  .setDoNotRetry(FailureType.permanentTypeNames())
                  .build())
          .build();

  /** {@link SamplingActivities#recordSamplingCompleted}: as every send's record activities. */
  public static final ActivityOptions RECORDS = SendActivityOptions.RECORDS;

  private SamplingActivityOptions() {}
}
