package uk.gov.courier.sampling;

import java.util.List;
import java.util.UUID;

/**
 * A sampling send with its providers, read from PostgreSQL: what the one confirmation screen for
 * the whole sample shows, and, once confirmed, each provider's send.
 *
 * @param sendId the sampling send (the parent)
 * @param uploadId the uploaded sample it was made from
 * @param filename the uploaded file's name
 * @param claimCount claims in the sample
 * @param mentorTrainingCount rows across every provider's file
 * @param providersWithoutAddress providers whose file has nowhere to go (see {@link
 *     ProviderSendView#noAddress()})
 * @param providers each provider, by name
 */
public record SamplingView(
    UUID sendId,
    UUID uploadId,
    String filename,
    int claimCount,
    int mentorTrainingCount,
    int providersWithoutAddress,
    List<ProviderSendView> providers) {

  public SamplingView {
    providers = List.copyOf(providers);
  }
}
