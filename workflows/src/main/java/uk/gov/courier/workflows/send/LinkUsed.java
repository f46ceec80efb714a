package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code linkUsed} Signal, sent by the download page after the database has recorded the use.
 * Idempotent: a second signal for the same link changes nothing.
 *
 * @param linkId the link that was used
 * @param usedAt when the database recorded the use
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkUsed(UUID linkId, Instant usedAt) {}
