package uk.gov.courier.send;

import uk.gov.courier.workflows.send.SendKind;

/**
 * Start a send. {@code claimWindowId} is required for payments and must be null otherwise; {@code
 * createdBy} is the signed-in user's email address.
 */
public record CreateSendCommand(SendKind kind, Long claimWindowId, String createdBy) {}
