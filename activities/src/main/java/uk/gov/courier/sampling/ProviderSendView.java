package uk.gov.courier.sampling;

import java.util.List;
import java.util.UUID;

/**
 * One provider in a sampling send, for the confirmation screen and the send's page. Before the
 * sampling send is confirmed there is no provider send yet ({@link #sendId} is null) and {@link
 * #recipients} is empty: {@link #providerAddresses} are where the file will go.
 *
 * @param providerId the provider
 * @param providerName its name
 * @param claimCount its sampled claims
 * @param mentorTrainingCount rows in its file
 * @param providerAddresses the provider's email addresses now
 * @param noAddress true when the file has nowhere to go: the provider send has no recipients (or,
 *     before confirmation, the provider has no address)
 * @param sendId the provider's send, once the sampling send is confirmed; otherwise null
 * @param state its state code ({@code processing}, {@code failed}, {@code links_live}, ...), or
 *     null
 * @param failureType why it failed ({@code NO_RECIPIENTS}, ...), or null
 * @param failureMessage what support see about the failure, or null
 * @param recipients the addresses its send froze, in order
 * @param linkCount links made so far (a resend makes one more)
 * @param emailedLinkCount links emailed
 * @param usedLinkCount links used to download the file
 */
public record ProviderSendView(
    long providerId,
    String providerName,
    int claimCount,
    int mentorTrainingCount,
    List<String> providerAddresses,
    boolean noAddress,
    UUID sendId,
    String state,
    String failureType,
    String failureMessage,
    List<String> recipients,
    int linkCount,
    int emailedLinkCount,
    int usedLinkCount) {

  public ProviderSendView {
    providerAddresses = providerAddresses == null ? List.of() : List.copyOf(providerAddresses);
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }
}
