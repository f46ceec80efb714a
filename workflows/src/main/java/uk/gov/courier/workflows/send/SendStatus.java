package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code status} Query's answer, and what every Update returns: the send as it is now.
 *
 * @param sendId the send
 * @param kind what is sent
 * @param state where the send is
 * @param createdBy who started it
 * @param confirmationDeadline when an unconfirmed send closes as {@link SendState#UNCONFIRMED}
 * @param confirmedBy who confirmed it, or null
 * @param confirmedAt when, or null
 * @param cancelledBy who cancelled it, or null
 * @param cancelReason why, or null
 * @param cancelledAt when, or null
 * @param export the file, once exported, or null
 * @param links every link made so far, in the order they were made
 * @param failure why the send is failed, while it is {@link SendState#FAILED}; otherwise null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendStatus(
    UUID sendId,
    SendKind kind,
    SendState state,
    String createdBy,
    Instant confirmationDeadline,
    String confirmedBy,
    Instant confirmedAt,
    String cancelledBy,
    String cancelReason,
    Instant cancelledAt,
    ExportResult export,
    List<LinkSummary> links,
    SendFailure failure) {

  public SendStatus {
    links = links == null ? List.of() : List.copyOf(links);
  }
}
