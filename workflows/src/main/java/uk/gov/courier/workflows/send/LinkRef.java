package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A download link as the workflow knows it: a reference, never a token. The token is derived inside
 * activities (for example HMAC(secret, linkId)) and never crosses Temporal.
 *
 * @param linkId the link's ID; also the Notify {@code reference} of its email
 * @param recipientIndex position of the address in the send's recipient list, from 0
 * @param recipientLabel a label for the address that is safe in workflow history and logs, e.g.
 *     "Payer finance team (1 of 2)"; not the full address of a person
 * @param expiresAt when the link stops working
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkRef(UUID linkId, int recipientIndex, String recipientLabel, Instant expiresAt) {}
