package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A link's state in the database after {@link LinkActivities#revokeLinks}.
 *
 * @param linkId the link
 * @param usedAt when it was used, or null
 * @param revokedAt when it was revoked, or null (a used link is not revoked)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkStatus(UUID linkId, Instant usedAt, Instant revokedAt) {}
