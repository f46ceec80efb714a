package uk.gov.courier.send;

import java.time.Duration;
import java.util.List;

/**
 * The configuration sends need, taken from Courier's config by the api module.
 *
 * @param payerName the payments agency's name, shown to support staff
 * @param payerEmailAddresses where payments and clawbacks files go
 * @param confirmationTimeout how long a send waits for confirmation
 * @param linkLifetime how long a link works after its email
 * @param retryWindow how long a failed send waits for someone to retry it
 * @param requireSecondPerson the person who starts a send cannot confirm it
 * @param publicBaseUrl the public address of the download pages, for links in emails
 * @param supportEmailAddress where recipients ask for a new link
 * @param payerTemplateId Notify template for payer files
 * @param providerTemplateId Notify template for provider samples
 */
public record SendSettings(
    String payerName,
    List<String> payerEmailAddresses,
    Duration confirmationTimeout,
    Duration linkLifetime,
    Duration retryWindow,
    boolean requireSecondPerson,
    String publicBaseUrl,
    String supportEmailAddress,
    String payerTemplateId,
    String providerTemplateId) {

  public SendSettings {
    payerEmailAddresses = List.copyOf(payerEmailAddresses);
  }
}
