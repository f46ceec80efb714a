package uk.gov.courier.sampling;

import java.util.List;

/**
 * One provider in a sample, as the preview and the confirmation screen show it.
 *
 * @param providerId the provider
 * @param providerName its name
 * @param claimCount sampled claims of this provider
 * @param mentorTrainingCount rows in its file (one per mentor training)
 * @param emailAddresses where its file will go: the provider's addresses now
 * @param noAddress true when it has none: its send will fail until one is added and it is retried
 */
public record ProviderPreview(
    long providerId,
    String providerName,
    int claimCount,
    int mentorTrainingCount,
    List<String> emailAddresses,
    boolean noAddress) {

  public ProviderPreview {
    emailAddresses = List.copyOf(emailAddresses);
  }
}
