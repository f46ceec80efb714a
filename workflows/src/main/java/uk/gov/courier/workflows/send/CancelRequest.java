package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code cancel} Update: a support user cancels a send awaiting confirmation.
 *
 * @param cancelledBy email address of the person cancelling
 * @param reason why, in their words; required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CancelRequest(String cancelledBy, String reason) {}
