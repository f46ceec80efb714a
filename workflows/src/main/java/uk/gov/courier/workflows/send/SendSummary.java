package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The result of a {@link SendWorkflow}: how the send ended.
 *
 * @param sendId the send
 * @param kind what was sent
 * @param state how it ended: {@link SendState#COMPLETED}, {@link SendState#CANCELLED}, {@link
 *     SendState#UNCONFIRMED}, or {@link SendState#FAILED} when nobody retried it in time
 * @param createdBy who started it
 * @param confirmedBy who confirmed it, or null
 * @param confirmedAt when, or null
 * @param cancelledBy who cancelled it, or null
 * @param cancelReason why, or null
 * @param cancelledAt when, or null
 * @param export the file, if it was exported, or null
 * @param links every link, with when it was emailed, used, revoked, and whether it expired
 * @param failure why it failed, when it ended {@link SendState#FAILED}; otherwise null
 * @param finishedAt when the workflow finished
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendSummary(
    UUID sendId,
    SendKind kind,
    SendState state,
    String createdBy,
    String confirmedBy,
    Instant confirmedAt,
    String cancelledBy,
    String cancelReason,
    Instant cancelledAt,
    ExportResult export,
    List<LinkSummary> links,
    SendFailure failure,
    Instant finishedAt) {

  public SendSummary {
    links = links == null ? List.of() : List.copyOf(links);
  }
}
