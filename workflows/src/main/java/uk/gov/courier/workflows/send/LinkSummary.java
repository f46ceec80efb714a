package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * One link of a send, as the workflow knows it.
 *
 * @param linkId the link
 * @param recipientIndex position of the address in the send's recipient list, from 0
 * @param recipientLabel the address's label (see {@link LinkRef#recipientLabel()})
 * @param expiresAt when the link stops working
 * @param emailedAt when Notify accepted its email, or null
 * @param notificationId the Notify notification ID, or null
 * @param emailError why its email could not be sent (after a resend), or null
 * @param usedAt when it was used, or null
 * @param revokedAt when it was revoked (by a person, a resend, or at the end), or null
 * @param replacedBy the link that replaced it after a resend, or null
 * @param expired true when it expired unused before anything else closed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkSummary(
    UUID linkId,
    int recipientIndex,
    String recipientLabel,
    Instant expiresAt,
    Instant emailedAt,
    String notificationId,
    String emailError,
    Instant usedAt,
    Instant revokedAt,
    UUID replacedBy,
    boolean expired) {}
