package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code revoke} Update: kill every live link of the send now; the send then completes.
 *
 * @param revokedBy email address of the support user revoking
 * @param reason why, in their words; required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RevokeRequest(String revokedBy, String reason) {}
