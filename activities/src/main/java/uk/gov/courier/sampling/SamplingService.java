package uk.gov.courier.sampling;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.persistence.DatabaseFailures;
import uk.gov.courier.sampling.SampleUploadDao.Upload;
import uk.gov.courier.sampling.SamplingViewDao.ProviderRow;

/**
 * Reads of sampling sends for the console and the API, from PostgreSQL only (so they answer while
 * Temporal is down). Actions on a sampling send go through {@code SendService} like any send's:
 * {@code confirm} and {@code cancel} on the sampling send, {@code retry}, {@code resend} and {@code
 * revoke} on a provider's send.
 */
public final class SamplingService {

  private final Jdbi jdbi;

  public SamplingService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * A sampling send and its providers; given a provider's send, its sampling send. NOT_FOUND when
   * the send is neither.
   */
  public SamplingView view(UUID sendId) {
    return whileDatabaseAnswers(
        () ->
            jdbi.withHandle(
                handle -> {
                  UUID parent =
                      sendId == null
                          ? null
                          : handle.attach(SamplingDao.class).parentOf(sendId).orElse(sendId);
                  Optional<Upload> upload =
                      parent == null
                          ? Optional.empty()
                          : handle.attach(SampleUploadDao.class).forSend(parent);
                  if (upload.isEmpty()) {
                    throw CourierException.notFound("There is no sampling send with that ID");
                  }
                  List<ProviderSendView> providers =
                      handle.attach(SamplingViewDao.class).providers(parent).stream()
                          .map(SamplingService::provider)
                          .toList();
                  return new SamplingView(
                      parent,
                      upload.get().id(),
                      upload.get().filename(),
                      providers.stream().mapToInt(ProviderSendView::claimCount).sum(),
                      providers.stream().mapToInt(ProviderSendView::mentorTrainingCount).sum(),
                      (int) providers.stream().filter(ProviderSendView::noAddress).count(),
                      providers);
                }));
  }

  /** The sampling send a provider's send belongs to; empty for any other send. */
  public Optional<UUID> samplingSendOf(UUID providerSendId) {
    return whileDatabaseAnswers(
        () -> jdbi.withExtension(SamplingDao.class, dao -> dao.parentOf(providerSendId)));
  }

  private static ProviderSendView provider(ProviderRow row) {
    boolean noAddress =
        row.sendId() == null ? row.providerAddresses().isEmpty() : row.recipients().isEmpty();
    return new ProviderSendView(
        row.providerId(),
        row.providerName(),
        row.claimCount(),
        row.mentorTrainingCount(),
        row.providerAddresses(),
        noAddress,
        row.sendId(),
        row.state(),
        row.failureType(),
        row.failureMessage(),
        row.recipients(),
        row.linkCount(),
        row.emailedLinkCount(),
        row.usedLinkCount());
  }

  private static <T> T whileDatabaseAnswers(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      if (DatabaseFailures.isUnavailable(e)) {
        throw CourierException.unavailable(SampleUploadService.DATABASE_UNAVAILABLE, e);
      }
      throw e;
    }
  }
}
