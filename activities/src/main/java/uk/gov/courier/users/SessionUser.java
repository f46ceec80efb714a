package uk.gov.courier.users;

/**
 * The person a live console session belongs to.
 *
 * @param sessionDigest hex SHA-256 of the session ID: what the database stores, and what the
 *     console ties its anti-forgery tokens to. Never the session ID itself.
 */
public record SessionUser(
    long userId, String email, String displayName, Role role, String sessionDigest) {}
