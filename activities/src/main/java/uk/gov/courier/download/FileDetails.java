package uk.gov.courier.download;

import java.time.Instant;
import uk.gov.courier.workflows.send.SendKind;

/**
 * What the landing page tells a recipient about the file before they ask for it.
 *
 * @param description how the email named the file, e.g. "Payments file for Claim window 2025 to
 *     2026"
 * @param recipientName who the file is for: the payer, or the provider
 * @param sentAt when the link was emailed
 * @param expiresAt when the link stops working
 */
public record FileDetails(
    String description,
    SendKind kind,
    String claimWindowName,
    long rowCount,
    long byteCount,
    String filename,
    String sha256,
    String recipientName,
    Instant sentAt,
    Instant expiresAt) {}
