package uk.gov.courier.workflows.sampling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.gov.courier.workflows.send.SendFailure;
import uk.gov.courier.workflows.send.SendState;

/**
 * The result of a {@link SamplingWorkflow}: how the sampling send and each provider's send ended.
 *
 * @param sendId the sampling send
 * @param state {@link SendState#COMPLETED} once every provider's send has ended (whatever each
 *     outcome: see {@link #providers}), {@link SendState#CANCELLED}, {@link SendState#UNCONFIRMED},
 *     or {@link SendState#FAILED} when the providers' sends could not be made
 * @param createdBy who started it
 * @param confirmedBy who confirmed it, or null
 * @param confirmedAt when, or null
 * @param cancelledBy who cancelled it, or null
 * @param cancelReason why, or null
 * @param cancelledAt when, or null
 * @param providers each provider's send and how it ended
 * @param failure why the providers' sends could not be made, or null
 * @param finishedAt when the workflow finished
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SamplingSummary(
    UUID sendId,
    SendState state,
    String createdBy,
    String confirmedBy,
    Instant confirmedAt,
    String cancelledBy,
    String cancelReason,
    Instant cancelledAt,
    List<ProviderSendStatus> providers,
    SendFailure failure,
    Instant finishedAt) {

  public SamplingSummary {
    providers = providers == null ? List.of() : List.copyOf(providers);
  }
}
