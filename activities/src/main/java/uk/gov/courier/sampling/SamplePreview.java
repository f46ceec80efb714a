package uk.gov.courier.sampling;

import java.util.List;

/**
 * What a valid sample will send: counts per provider, by provider name.
 *
 * @param claimCount claims in the sample
 * @param mentorTrainingCount rows across every provider's file
 * @param providerCount providers, so provider sends (and files)
 * @param providersWithoutAddress providers with no email address (their sends will fail until one
 *     is added)
 * @param providers each provider
 */
public record SamplePreview(
    int claimCount,
    int mentorTrainingCount,
    int providerCount,
    int providersWithoutAddress,
    List<ProviderPreview> providers) {

  public SamplePreview {
    providers = List.copyOf(providers);
  }
}
