package uk.gov.courier.workflows.sampling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.send.SendState;

/**
 * One provider's send as the sampling workflow knows it. While the child runs, the parent only
 * knows that it runs: the child's own {@code status} Query and its row in the database say more
 * (for example that it has failed and waits for a retry).
 *
 * @param sendId the provider's send
 * @param providerId the provider
 * @param providerName its name
 * @param claimCount sampled claims in the provider's send
 * @param recipientCount addresses frozen when the send was made
 * @param progress starting, running, ended, or broken
 * @param outcome how the provider's send ended ({@link SendState#COMPLETED}, or {@link
 *     SendState#FAILED} when nobody retried it in time); null until it ends
 * @param failureType why it failed or broke, or null
 * @param failureMessage what happened, for support staff, or null
 * @param emailedLinks how many links were emailed, once it has ended
 * @param finishedAt when it ended, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderSendStatus(
    UUID sendId,
    long providerId,
    String providerName,
    int claimCount,
    int recipientCount,
    ProviderSendProgress progress,
    SendState outcome,
    FailureType failureType,
    String failureMessage,
    int emailedLinks,
    Instant finishedAt) {}
