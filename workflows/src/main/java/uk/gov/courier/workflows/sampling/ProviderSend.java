package uk.gov.courier.workflows.sampling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * One provider's send, made by {@link SamplingActivities#createProviderSends} when a sampling send
 * is confirmed.
 *
 * @param sendId the provider's send; its workflow ID is {@code send-<sendId>}
 * @param providerId the accredited provider
 * @param providerName the provider's name (an organisation's, not a person's)
 * @param claimCount how many sampled claims are the provider's
 * @param recipientCount how many of the provider's addresses the send froze (0: it will fail with
 *     {@code NO_RECIPIENTS} until an address is added and the send retried)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderSend(
    UUID sendId, long providerId, String providerName, int claimCount, int recipientCount) {}
