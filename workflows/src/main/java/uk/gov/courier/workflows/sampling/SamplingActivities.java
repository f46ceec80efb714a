package uk.gov.courier.workflows.sampling;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a sampling send does beyond what every send does (the parent also uses {@code
 * SendRecordActivities} and {@code ClaimActivities} for confirmation, cancellation and release).
 */
@ActivityInterface
public interface SamplingActivities {

  /**
   * Makes one send per provider among the sampling send's claims, in one transaction: a {@code
   * sends} row (kind {@code sampling}, with the parent and the provider, already confirmed by
   * {@code confirmedBy}), the provider's claims handed over from the parent to it with their sample
   * reasons, and the provider's email addresses as they are now frozen as its recipients (none, if
   * the provider has none yet). Returns them ordered by provider name.
   *
   * <p>Idempotent: if the provider sends already exist they are returned as they are. Failures:
   * {@code NO_CLAIMS} (permanent) when the sampling send holds no open claims; {@code
   * DATABASE_UNAVAILABLE} is retried. Options: {@link SamplingActivityOptions#PROVIDER_SENDS}.
   */
  List<ProviderSend> createProviderSends(UUID samplingSendId, String confirmedBy, Instant at);

  /**
   * Every provider's send has ended: state {@code completed} on the sampling send, with each
   * provider's outcome in the audit trail; a provider send that never started is marked failed.
   * Idempotent. Options: {@link SamplingActivityOptions#RECORDS}.
   */
  void recordSamplingCompleted(SamplingSummary summary);
}
