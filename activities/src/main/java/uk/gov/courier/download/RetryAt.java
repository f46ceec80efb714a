package uk.gov.courier.download;

import java.time.Instant;

/**
 * When a rate-limited visitor may try again.
 *
 * @param at the moment, by the database's clock
 * @param seconds how long from now, at least 1: the {@code Retry-After} header
 */
public record RetryAt(Instant at, long seconds) {}
