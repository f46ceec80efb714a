package uk.gov.courier.email;

import java.time.Instant;
import java.util.UUID;

/**
 * An email Notify has accepted.
 *
 * @param id Notify's notification ID
 * @param createdAt when Notify accepted it, or null when Notify did not say
 */
public record SentNotification(UUID id, Instant createdAt) {}
