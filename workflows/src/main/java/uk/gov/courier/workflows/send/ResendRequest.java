package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * The {@code resend} Update: replace one link with a new one for the same address and email it.
 *
 * @param linkId the link to replace (see {@link LinkSummary#linkId()})
 * @param requestedBy email address of the support user asking
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResendRequest(UUID linkId, String requestedBy) {}
