package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code retry} Update: after fixing the cause, a support user resumes a failed send from the
 * step that failed.
 *
 * @param retriedBy email address of the person retrying
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RetryRequest(String retriedBy) {}
