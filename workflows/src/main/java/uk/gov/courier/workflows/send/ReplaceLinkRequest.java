package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * Input of {@link LinkActivities#replaceLink}.
 *
 * @param sendId the send
 * @param oldLinkId the link to revoke
 * @param newLinkId the ID to give the new link (made by the workflow, so a retried activity makes
 *     the same link)
 * @param replacedAt the revocation time to record on the old link
 * @param expiresAt when the new link expires
 * @param requestedBy email address of the support user who asked for the resend
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplaceLinkRequest(
    UUID sendId,
    UUID oldLinkId,
    UUID newLinkId,
    Instant replacedAt,
    Instant expiresAt,
    String requestedBy) {}
