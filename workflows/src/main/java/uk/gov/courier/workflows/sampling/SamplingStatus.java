package uk.gov.courier.workflows.sampling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.gov.courier.workflows.send.SendFailure;
import uk.gov.courier.workflows.send.SendState;

/**
 * The {@code samplingStatus} Query's answer: the sampling send and its providers' sends.
 *
 * @param sendId the sampling send
 * @param state {@link SendState#AWAITING_CONFIRMATION}, then {@link SendState#CANCELLED}, {@link
 *     SendState#UNCONFIRMED} or {@link SendState#PROCESSING} (confirmed: providers' sends running),
 *     then {@link SendState#COMPLETED} when every provider's send has ended; {@link
 *     SendState#FAILED} only if the providers' sends could not be made at all
 * @param createdBy who started it (confirmed the uploaded sample)
 * @param confirmationDeadline when it closes as unconfirmed
 * @param confirmedBy who confirmed it, or null
 * @param confirmedAt when, or null
 * @param cancelledBy who cancelled it, or null
 * @param cancelReason why, or null
 * @param cancelledAt when, or null
 * @param providers one entry per provider's send, by provider name; empty until confirmed
 * @param failure why the providers' sends could not be made, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SamplingStatus(
    UUID sendId,
    SendState state,
    String createdBy,
    Instant confirmationDeadline,
    String confirmedBy,
    Instant confirmedAt,
    String cancelledBy,
    String cancelReason,
    Instant cancelledAt,
    List<ProviderSendStatus> providers,
    SendFailure failure) {

  public SamplingStatus {
    providers = providers == null ? List.of() : List.copyOf(providers);
  }
}
