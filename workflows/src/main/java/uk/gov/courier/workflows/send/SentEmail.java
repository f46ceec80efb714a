package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * What {@link EmailActivities#sendLinkEmail} did.
 *
 * @param notificationId the GOV.UK Notify notification ID
 * @param sentAt when Notify accepted the email (on a retry that found the email already sent: when
 *     it was first accepted, if known)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SentEmail(String notificationId, Instant sentAt) {}
