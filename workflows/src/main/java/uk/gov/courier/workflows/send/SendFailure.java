package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import uk.gov.courier.workflows.common.FailureType;

/**
 * Why a send is {@link SendState#FAILED}.
 *
 * @param step the step that failed; a {@code retry} runs it again
 * @param type the kind of failure ({@link FailureType#description()} explains it)
 * @param message what the failing activity said
 * @param failedAt when the workflow gave up on the step
 * @param retryDeadline when the send closes for good unless someone retries it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendFailure(
    SendStep step, FailureType type, String message, Instant failedAt, Instant retryDeadline) {}
