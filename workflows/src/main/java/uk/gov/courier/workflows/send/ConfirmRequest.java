package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code confirm} Update: a signed-in support user confirms the send.
 *
 * @param confirmedBy email address of the person confirming
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfirmRequest(String confirmedBy) {}
