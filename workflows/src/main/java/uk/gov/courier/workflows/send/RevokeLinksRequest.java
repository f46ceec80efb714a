package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Input of {@link LinkActivities#revokeLinks}.
 *
 * @param sendId the send
 * @param linkIds the links to revoke
 * @param revokedAt the revocation time to record (chosen by the workflow, so every attempt records
 *     the same time)
 * @param revokedBy email address of the person revoking, or {@link
 *     SendWorkflowContract#SYSTEM_ACTOR} when Courier does it at the end of the lifetime
 * @param reason why
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RevokeLinksRequest(
    UUID sendId, List<UUID> linkIds, Instant revokedAt, String revokedBy, String reason) {

  public RevokeLinksRequest {
    linkIds = linkIds == null ? List.of() : List.copyOf(linkIds);
  }
}
